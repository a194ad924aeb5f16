import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { applyPackImport, libraryKeys } from '../../../src/storage/packImport.ts';
import { readPackText } from '../../../src/domain/pack/format.ts';
import { applyChoices, planImport } from '../../../src/domain/pack/merge.ts';

let db: StudioDb;
const pack = () => {
  const r = readPackText(readFileSync('packs/ml-interview-starter.mlsd-pack.json', 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const dump = async () => ({ designs: await db.designs.toArray(), scenarios: await db.scenarios.toArray(), templates: await db.templates.toArray() });

beforeEach(async () => {
  db = new StudioDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('pack import into the database', () => {
  it('adds everything new, then on a second import keeps both with fresh ids', async () => {
    const p = pack();
    const bundled = { scenarioIds: [] as string[], templateIds: [] as string[] };
    const first = applyChoices(planImport(p, await libraryKeys(db, bundled)), () => 'keep-both');
    expect(await applyPackImport(db, first, p.id, 'tab', 1000)).toEqual({ scenarios: p.scenarios.length, designs: p.designs!.length, templates: p.templates!.length });
    const plan2 = planImport(p, await libraryKeys(db, bundled));
    expect(plan2.conflicts).toBe(plan2.items.length);
    await applyPackImport(db, applyChoices(plan2, () => 'keep-both'), p.id, 'tab', 2000);
    const after = await dump();
    expect(after.scenarios.map((s) => s.id).sort()).toEqual([...p.scenarios.map((s) => s.id), ...p.scenarios.map((s) => `${s.id}-2`)].sort());
    expect(after.designs).toHaveLength(2 * p.designs!.length);
  });

  it('replace overwrites the design with the same name and bumps its revision', async () => {
    const p = pack();
    const bundled = { scenarioIds: [], templateIds: [] };
    await applyPackImport(db, applyChoices(planImport(p, await libraryKeys(db, bundled)), () => 'keep-both'), p.id, 'tab', 1000);
    const before = await dump();
    await applyPackImport(db, applyChoices(planImport(p, await libraryKeys(db, bundled)), () => 'replace'), p.id, 'tab', 2000);
    const after = await dump();
    expect(after.designs.map((d) => d.id).sort()).toEqual(before.designs.map((d) => d.id).sort());
    expect(after.designs.every((d) => d.rev === 2 && d.updatedAt === 2000)).toBe(true);
  });

  it('is all or nothing: a write that fails leaves the library exactly as it was', async () => {
    const p = pack();
    const bundled = { scenarioIds: [], templateIds: [] };
    await applyPackImport(db, applyChoices(planImport(p, await libraryKeys(db, bundled)), () => 'keep-both'), p.id, 'tab', 1000);
    const before = await dump();
    const outcome = applyChoices(planImport(p, await libraryKeys(db, bundled)), () => 'keep-both');
    // A value IndexedDB cannot store (as a corrupt or hostile input might carry) makes the last write fail.
    const bad = outcome.designs.at(-1)!;
    (bad.value as unknown as Record<string, unknown>).poison = () => 1;
    await expect(applyPackImport(db, outcome, p.id, 'tab', 3000)).rejects.toThrow();
    expect(await dump()).toEqual(before);
  });
});
