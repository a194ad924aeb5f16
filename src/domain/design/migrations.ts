import type { Migration } from '../versioning/readVersioned.ts';

/**
 * designMigrations[v] upgrades a design file from version v to v + 1.
 * Version 1 is the first published format, so there are no steps yet; add one per format change,
 * each with a frozen fixture in tests/fixtures/design.v{v}.json and a "migrates and validates" test.
 */
export const designMigrations: Readonly<Record<number, Migration>> = {};
