import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { DesignsRepo } from '../../../src/storage/designsRepo.ts';
import { addNode, emptyDesign } from '../../../src/domain/design/ops.ts';

let db: StudioDb;
let clock = 1000;
let repo: DesignsRepo;

beforeEach(async () => {
  db = new StudioDb(`test-${Math.random()}`);
  await db.open();
  clock = 1000;
  repo = new DesignsRepo(db, () => ++clock);
});

afterEach(async () => {
  await db.delete();
});

describe('DesignsRepo', () => {
  it('creates, lists by last edit, loads and validates', async () => {
    const a = await repo.create(emptyDesign('Alpha'), 'tab1');
    const b = await repo.create(addNode(emptyDesign('Beta'), 'cache', { x: 1, y: 2 }).design, 'tab1');
    const list = await repo.list();
    expect(list.map((s) => s.name)).toEqual(['Beta', 'Alpha']);
    expect(list[0]).toMatchObject({ id: b, nodeCount: 1, edgeCount: 0 });
    const loaded = await repo.load(a);
    expect(loaded?.result).toMatchObject({ ok: true, value: { name: 'Alpha' } });
  });

  it('saves with revisions and reports a write from another tab', async () => {
    const id = await repo.create(emptyDesign('A'), 'tab1');
    const s1 = await repo.save(id, emptyDesign('A1'), 'tab1', 1);
    expect(s1).toEqual({ rev: 2, overwrote: false });
    const s2 = await repo.save(id, emptyDesign('A2'), 'tab2', 1); // tab2 never saw rev 2
    expect(s2).toEqual({ rev: 3, overwrote: true });
    const s3 = await repo.save(id, emptyDesign('A3'), 'tab2', 3);
    expect(s3.overwrote).toBe(false);
    expect((await repo.load(id))?.record).toMatchObject({ name: 'A3', rev: 4, editor: 'tab2' });
  });

  it('keeps the viewport without bumping the revision', async () => {
    const id = await repo.create(emptyDesign('A'), 'tab1');
    await repo.saveViewport(id, { x: 10, y: -5, zoom: 1.5 });
    const rec = (await repo.load(id))!.record;
    expect(rec.viewport).toEqual({ x: 10, y: -5, zoom: 1.5 });
    expect(rec.rev).toBe(1);
  });

  it('renames, duplicates, deletes and restores', async () => {
    const id = await repo.create(emptyDesign('A'), 'tab1');
    await repo.rename(id, 'Renamed', 'tab1');
    const loaded = await repo.load(id);
    expect(loaded?.result).toMatchObject({ ok: true, value: { name: 'Renamed' } });
    const copy = await repo.duplicate(id, 'tab1');
    expect((await repo.load(copy!))?.record.name).toBe('Renamed (copy)');
    const removed = await repo.remove(id);
    expect(await repo.load(id)).toBeUndefined();
    await repo.restore(removed!);
    expect((await repo.list()).map((s) => s.name).sort()).toEqual(['Renamed', 'Renamed (copy)']);
  });

  it('keeps and flags a record whose content no longer validates', async () => {
    await db.designs.add({ id: 'bad', name: 'Broken', createdAt: 1, updatedAt: 1, rev: 1, editor: 'x', design: { format: 'mlsd-design', version: 99 } });
    const [s] = await repo.list();
    expect(s?.problem).toMatch(/newer version/);
    expect((await repo.load('bad'))?.result).toMatchObject({ ok: false, reason: 'too-new' });
  });

  it('refuses to save into a deleted design', async () => {
    await expect(repo.save('missing', emptyDesign('x'), 'tab', 1)).rejects.toThrow(/no longer exists/);
  });
});
