import type { Migration } from '../versioning/readVersioned.ts';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Version 1 → 2. Version 1 wrapped every design as `{design, note?}`, the note being the pack author's comment on
 * the design. Version 2 stores designs bare, so a design in a pack is exactly an *.mlsd.json file and moves between
 * the two without unwrapping; the note moves into the design's own `description` (after any text already there).
 * Version 2 also added `templates`, `description` and `createdAt`, all optional, so they need no step.
 *
 * Entries that are not `{design: …}` objects are left as they are: the version 2 schema then reports them at their
 * path, which says more than a failed upgrade would.
 */
function v1ToV2(doc: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(doc.designs)) return doc;
  const designs = doc.designs.map((entry: unknown) => {
    if (!isRecord(entry) || !isRecord(entry.design)) return entry;
    const design = entry.design;
    const note = typeof entry.note === 'string' ? entry.note.trim() : '';
    if (note === '') return design;
    const before = typeof design.description === 'string' ? design.description.trim() : '';
    return { ...design, description: before ? `${before}\n\n${note}` : note };
  });
  return { ...doc, designs };
}

/**
 * packMigrations[v] upgrades a pack from version v to v + 1; each step has a frozen fixture in tests/fixtures/pack.
 * Embedded scenarios and designs are checked against their current schemas, so when mlsd-design or mlsd-scenario
 * gets a version 2, the pack needs a step here that upgrades its embedded items with their own migrations.
 */
export const packMigrations: Readonly<Record<number, Migration>> = { 1: v1ToV2 };
