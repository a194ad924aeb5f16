import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { existingIds, exportBackup, restoreBackup } from '../../../src/storage/backup.ts';
import { BACKUP_TABLES, planRestore, readBackupText } from '../../../src/domain/backup/format.ts';

let a: StudioDb;
let b: StudioDb;

async function fill(db: StudioDb, tag: string): Promise<void> {
  await db.designs.put({ id: `d-${tag}`, name: `Design ${tag}`, createdAt: 1, updatedAt: 2, rev: 3, editor: 'e', design: { format: 'mlsd-design', nested: { deep: [1, 2, { x: 'y' }] } }, viewport: { x: 1, y: 2, zoom: 0.75 } });
  await db.docs.put({ id: `k-${tag}`, designId: `d-${tag}`, updatedAt: 4, doc: { markdown: '# Hi\n\n```mlsd-capacity\n```\n' } });
  await db.attempts.put({ id: `a-${tag}`, scenarioId: 's', createdAt: 5, attempt: { notes: 'p99 < 100 ms', events: [{ type: 'start', at: 5 }] } });
  await db.profiles.put({ id: `p-${tag}`, createdAt: 6, profile: { models: [{ points: [{ batch: 1, stats: { minMs: 0.1 } }] }] } });
  await db.scenarios.put({ id: `s-${tag}`, packId: 'pk', addedAt: 7, scenario: { id: `s-${tag}` } });
  await db.templates.put({ id: `t-${tag}`, packId: 'pk', addedAt: 8, text: '---\nid: t\n---\n' });
  await db.versions.put({ id: `v-${tag}`, targetKind: 'design', targetId: `d-${tag}`, createdAt: 9, format: 'mlsd-version', version: 1, auto: false, name: 'Baseline', content: { format: 'mlsd-design', nodes: [{ id: 'a' }] } });
}

const dump = async (db: StudioDb) => Object.fromEntries(await Promise.all(BACKUP_TABLES.map(async (t) => [t, await db.table(t).orderBy(':id').toArray()])));

beforeEach(async () => {
  a = new StudioDb(`a-${Math.random()}`);
  b = new StudioDb(`b-${Math.random()}`);
  await a.open();
  await b.open();
});
afterEach(async () => {
  await a.delete();
  await b.delete();
});

describe('backup and restore', () => {
  it('round-trips every table, field by field, through the file text', async () => {
    await fill(a, '1');
    const backup = await exportBackup(a, new Date('2026-11-23T10:00:00Z'));
    const text = JSON.stringify(backup);
    const read = readBackupText(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    await restoreBackup(b, read.value, 'replace');
    expect(await dump(b)).toEqual(await dump(a));
  });

  it('carries saved versions, and their index works after a restore', async () => {
    await fill(a, '1');
    const read = readBackupText(JSON.stringify(await exportBackup(a)));
    expect(read.ok && read.value.tables.versions).toEqual([{ id: 'v-1', targetKind: 'design', targetId: 'd-1', createdAt: 9, format: 'mlsd-version', version: 1, auto: false, name: 'Baseline', content: { format: 'mlsd-design', nodes: [{ id: 'a' }] } }]);
    if (!read.ok) return;
    await restoreBackup(b, read.value, 'merge');
    expect(await b.versions.where('[targetKind+targetId]').equals(['design', 'd-1']).primaryKeys()).toEqual(['v-1']);
  });

  it('restores a backup made before versions existed (no versions table in the file)', async () => {
    await fill(a, '1');
    await fill(b, '2');
    const old = await exportBackup(a);
    const { versions: _dropped, ...tables } = old.tables;
    const read = readBackupText(JSON.stringify({ ...old, dbVersion: 5, tables }));
    expect(read.ok && read.value.tables.versions).toEqual([]);
    if (!read.ok) return;
    expect(planRestore(read.value, await existingIds(b)).versions).toEqual({ total: 0, clashes: 0 });
    await restoreBackup(b, read.value, 'merge');
    expect((await b.designs.toArray()).map((d) => d.id).sort()).toEqual(['d-1', 'd-2']);
    expect((await b.versions.toArray()).map((v) => v.id)).toEqual(['v-2']); // merge keeps this database's versions
  });

  it('refuses a version row without its target', () => {
    const text = JSON.stringify({ format: 'mlsd-backup', version: 1, createdAt: 'x', dbVersion: 6, tables: { designs: [], docs: [], attempts: [], profiles: [], scenarios: [], templates: [], versions: [{ id: 'v', createdAt: 1 }] } });
    expect(readBackupText(text)).toMatchObject({ ok: false, reason: 'invalid', path: 'tables.versions[0].targetKind' });
  });

  it('merge keeps what is there and previews clashes; replace empties first', async () => {
    await fill(a, '1');
    await fill(b, '2');
    await fill(b, '1');
    await b.designs.update('d-1', { name: 'Edited here' });
    const backup = await exportBackup(a);
    const plan = planRestore(backup, await existingIds(b));
    expect(plan.designs).toEqual({ total: 1, clashes: 1 });
    await restoreBackup(b, backup, 'merge');
    expect((await b.designs.toArray()).map((d) => [d.id, d.name]).sort()).toEqual([['d-1', 'Design 1'], ['d-2', 'Design 2']]);
    await restoreBackup(b, backup, 'replace');
    expect(await dump(b)).toEqual(await dump(a));
  });

  it('a restore that fails part-way changes nothing', async () => {
    await fill(b, '2');
    const before = await dump(b);
    const backup = await exportBackup(b);
    (backup.tables.templates[0] as Record<string, unknown>).poison = () => 1;
    await expect(restoreBackup(b, backup, 'replace')).rejects.toThrow();
    expect(await dump(b)).toEqual(before);
  });

  it('refuses a file that is not a backup, or from a newer version, with the reason', () => {
    expect(readBackupText('{"format":"mlsd-design","version":1}')).toMatchObject({ ok: false, reason: 'wrong-format' });
    expect(readBackupText('{"format":"mlsd-backup","version":9}')).toMatchObject({ ok: false, reason: 'too-new' });
    expect(readBackupText('{"format":"mlsd-backup","version":1,"createdAt":"x","dbVersion":5,"tables":{"designs":[{"name":"no id"}]}}')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readBackupText('{oops')).toMatchObject({ ok: false, reason: 'not-json' });
  });
});
