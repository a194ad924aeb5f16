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
