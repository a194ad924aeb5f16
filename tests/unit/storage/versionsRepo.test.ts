import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { VersionsRepo } from '../../../src/storage/versionsRepo.ts';
import { DesignsRepo } from '../../../src/storage/designsRepo.ts';
import { emptyDesign } from '../../../src/domain/design/ops.ts';
import { DAY_MS, HOUR_MS } from '../../../src/domain/history/prune.ts';

let db: StudioDb;
let clock: number;
let repo: VersionsRepo;
const design = (name: string) => emptyDesign(name);

beforeEach(async () => {
  db = new StudioDb(`test-${Math.random()}`);
  await db.open();
  clock = 100 * DAY_MS;
  repo = new VersionsRepo(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

describe('VersionsRepo', () => {
  it('adds, lists one target newest first, gets, renames and deletes', async () => {
    const a = await repo.add({ targetKind: 'design', targetId: 'd1', content: design('A'), auto: true });
    clock += 1000;
    const b = await repo.add({ targetKind: 'design', targetId: 'd1', content: design('B'), auto: false, name: 'Baseline' });
    await repo.add({ targetKind: 'design', targetId: 'd2', content: design('Other'), auto: true });
    await repo.add({ targetKind: 'doc', targetId: 'd1', content: { any: 'doc' }, auto: true });
    expect(a).toMatchObject({ format: 'mlsd-version', version: 1, targetKind: 'design', targetId: 'd1', createdAt: 100 * DAY_MS, auto: true });
    expect((await repo.list('design', 'd1')).map((v) => [v.id, v.name, (v.content as { name: string }).name])).toEqual([[b.id, 'Baseline', 'B'], [a.id, undefined, 'A']]);
    expect((await repo.latest('design', 'd1'))?.id).toBe(b.id);
    expect(await repo.get(a.id)).toEqual(a);

    const renamed = await repo.rename(a.id, '  Kept  ');
    expect(renamed).toMatchObject({ name: 'Kept', auto: false });
    expect((await repo.get(a.id))?.name).toBe('Kept');
    await expect(repo.rename(a.id, '   ')).rejects.toThrow();
    expect(await repo.rename('nope', 'x')).toBeUndefined();

    const removed = await repo.remove(b.id);
    expect((await repo.list('design', 'd1')).map((v) => v.id)).toEqual([a.id]);
    await repo.restore(removed!);
    expect((await repo.list('design', 'd1')).map((v) => v.id)).toEqual([b.id, a.id]);
  });

  it('versions taken in the same millisecond still list in the order they were taken', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await repo.add({ targetKind: 'doc', targetId: 'k', content: { i }, auto: true })).id);
    expect((await repo.list('doc', 'k')).map((v) => v.id)).toEqual(ids.reverse());
  });

  it('refuses to write an invalid version, and skips stored records that do not read', async () => {
    await expect(repo.add({ targetKind: 'design', targetId: 'd1', content: design('A'), auto: false, name: 'x'.repeat(500) })).rejects.toThrow();
    const good = await repo.add({ targetKind: 'design', targetId: 'd1', content: design('A'), auto: true });
    await db.versions.put({ id: 'newer', targetKind: 'design', targetId: 'd1', createdAt: clock + 5, format: 'mlsd-version', version: 9, auto: true, content: {} });
    await db.versions.put({ id: 'broken', targetKind: 'design', targetId: 'd1', createdAt: clock + 6, format: 'mlsd-version', version: 1 });
    expect((await repo.list('design', 'd1')).map((v) => v.id)).toEqual([good.id]);
    expect(await repo.get('broken')).toBeUndefined();
    expect(await db.versions.count()).toBe(3); // skipped, never dropped
  });

  it('prune keeps named versions and thins automatic ones, for one target only', async () => {
    const at = async (t: number, auto: boolean, targetId = 'd1') => {
      clock = t;
      return (await repo.add({ targetKind: 'design', targetId, content: design('A'), auto, ...(auto ? {} : { name: 'N' }) })).id;
    };
    const base = 100 * DAY_MS;
    const oldNamed = await at(base - 10 * DAY_MS, false);
    const oldAuto1 = await at(base - 10 * DAY_MS + 1000, true);
    const oldAuto2 = await at(base - 10 * DAY_MS + 2000, true); // same day, newer: kept
    const hourA = await at(base - 3 * HOUR_MS + 60_000, true);
    const hourB = await at(base - 3 * HOUR_MS + 120_000, true); // same hour, newer: kept
    const recent1 = await at(base - 10 * 60_000, true);
    const recent2 = await at(base - 5 * 60_000, true);
    const other = await at(base - 10 * DAY_MS + 500, true, 'd2');
    clock = base;
    expect(await repo.prune('design', 'd1')).toBe(2);
    expect((await repo.list('design', 'd1')).map((v) => v.id)).toEqual([recent2, recent1, hourB, oldAuto2, oldNamed]);
    expect(await repo.get(oldAuto1)).toBeUndefined();
    expect(await repo.get(hourA)).toBeUndefined();
    expect(await repo.get(other)).toBeDefined();
  });

  it('versions of a deleted design survive an Undo; they go only after the design has been gone a day', async () => {
    const designs = new DesignsRepo(db, () => clock);
    const id = await designs.create(design('Kept'), 'tab');
    const gone = await designs.create(design('Gone'), 'tab');
    const v1 = await repo.add({ targetKind: 'design', targetId: id, content: design('Kept'), auto: true });
    const v2 = await repo.add({ targetKind: 'design', targetId: gone, content: design('Gone'), auto: false, name: 'N' });
    const orphan = await repo.add({ targetKind: 'doc', targetId: 'no-such-doc', content: { x: 1 }, auto: true });

    // Deleted, swept (marked), then the delete is undone: nothing is lost and the mark is cleared.
    const removed = await designs.remove(id);
    const first = await repo.sweepOrphans();
    expect([first.mark.sort(), first.unmark, first.remove]).toEqual([[v1.id, orphan.id].sort(), [], []]);
    await designs.restore(removed!);
    clock += 2 * DAY_MS;
    await designs.remove(gone);
    const plan = await repo.sweepOrphans();
    // v2's design was only just deleted: marked, not removed. The doc gone for two days: removed.
    expect(plan).toEqual({ mark: [v2.id], unmark: [v1.id], remove: [orphan.id] });
    expect((await db.versions.orderBy('createdAt').toArray()).map((r) => [r.id, r.orphanedAt])).toEqual([[v1.id, undefined], [v2.id, clock]]);
    clock += DAY_MS;
    expect((await repo.sweepOrphans()).remove).toEqual([v2.id]);
    expect((await db.versions.toArray()).map((r) => [r.id, r.orphanedAt])).toEqual([[v1.id, undefined]]);
  });

  it('a marked version whose target was removed again is not deleted before the grace period', async () => {
    await repo.add({ targetKind: 'design', targetId: 'x', content: design('X'), auto: true });
    await repo.sweepOrphans();
    clock += DAY_MS - 1;
    expect((await repo.sweepOrphans()).remove).toEqual([]);
    clock += 1;
    expect((await repo.sweepOrphans()).remove).toHaveLength(1);
    expect(await db.versions.count()).toBe(0);
  });
});
