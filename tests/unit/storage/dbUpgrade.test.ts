import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';

/** The stores each released database version declared, in order (copy of the history in db.ts, frozen here). */
const HISTORY: Record<string, string>[] = [
  { designs: 'id, updatedAt, name' },
  { profiles: 'id, createdAt' },
  { attempts: 'id, scenarioId, createdAt' },
  { docs: 'id, designId, updatedAt' },
  { scenarios: 'id, packId', templates: 'id, packId' },
  { versions: 'id, [targetKind+targetId], createdAt, orphanedAt' },
];

const RECORDS: Record<string, Record<string, unknown>[]> = {
  designs: [{ id: 'd1', name: 'A', createdAt: 1, updatedAt: 2, rev: 3, editor: 't', design: { any: 'content' }, viewport: { x: 1, y: 2, zoom: 0.5 } }],
  profiles: [{ id: 'p1', createdAt: 5, profile: { format: 'mlsd-device-profile', version: 1 } }],
  attempts: [{ id: 'a1', scenarioId: 's', createdAt: 7, attempt: { format: 'mlsd-attempt', version: 1 } }],
  docs: [{ id: 'k1', designId: 'd1', updatedAt: 9, doc: { format: 'mlsd-doc', version: 1 } }],
  scenarios: [{ id: 's1', packId: 'p', addedAt: 11, scenario: { format: 'mlsd-scenario', version: 1 } }],
  templates: [{ id: 't1', packId: 'p', addedAt: 12, text: '---\nid: t1\n---\n' }],
  versions: [{ id: 'v1', targetKind: 'design', targetId: 'd1', createdAt: 13, format: 'mlsd-version', version: 1, auto: true, content: { any: 'content' } }],
};

/** A database as the app at `version` left it, with a record in every table it had. */
async function writeOld(name: string, version: number): Promise<void> {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(HISTORY[v - 1]!);
  await old.open();
  for (let v = 1; v <= version; v++) for (const table of Object.keys(HISTORY[v - 1]!)) await old.table(table).bulkPut(RECORDS[table]!);
  old.close();
}

describe('database upgrades', () => {
  it('the history above matches the current schema', () => {
    const db = new StudioDb(`check-${Math.random()}`);
    expect(db.verno).toBe(HISTORY.length);
    expect(db.tables.map((t) => t.name).sort()).toEqual(HISTORY.flatMap((h) => Object.keys(h)).sort());
  });

  it.each(HISTORY.slice(0, -1).map((_, i) => i + 1))('a database written by version %i opens in the current version with every record intact', async (version) => {
    const name = `upgrade-${version}-${Math.random()}`;
    await writeOld(name, version);
    const db = new StudioDb(name);
    await db.open();
    for (let v = 1; v <= HISTORY.length; v++) {
      for (const table of Object.keys(HISTORY[v - 1]!)) {
        const rows = await db.table(table).toArray();
        expect(rows).toEqual(v <= version ? RECORDS[table] : []);
      }
    }
    // The new tables work after the upgrade.
    await db.docs.put({ id: 'new', designId: null, updatedAt: 1, doc: {} });
    expect(await db.docs.count()).toBe(version >= 4 ? 2 : 1);
    await db.versions.put({ id: 'v-new', targetKind: 'doc', targetId: 'k1', createdAt: 20 });
    expect(await db.versions.where('[targetKind+targetId]').equals(['doc', 'k1']).primaryKeys()).toEqual(['v-new']);
    await db.delete();
  });
});
