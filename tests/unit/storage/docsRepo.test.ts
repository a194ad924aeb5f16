import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { DocsRepo } from '../../../src/storage/docsRepo.ts';
import { DOC_FORMAT, DOC_VERSION, type DesignDoc } from '../../../src/domain/doc/format.ts';

let db: StudioDb;
let repo: DocsRepo;
const doc = (id: string, updatedAt: number): DesignDoc => ({ format: DOC_FORMAT, version: DOC_VERSION, id, title: `Doc ${id}`, templateId: 'capstone', designId: 'd1', markdown: '# Hi\n', createdAt: 1, updatedAt });

beforeEach(async () => {
  db = new StudioDb(`test-${Math.random()}`);
  await db.open();
  repo = new DocsRepo(db);
});
afterEach(async () => {
  await db.delete();
});

describe('DocsRepo', () => {
  it('lists most recently edited first, deletes and restores', async () => {
    await repo.put(doc('a', 10));
    await repo.put(doc('b', 5));
    expect((await repo.list()).map((e) => e.id)).toEqual(['a', 'b']);
    await repo.put({ ...doc('b', 20), markdown: '# Edited\n' });
    expect((await repo.list()).map((e) => e.id)).toEqual(['b', 'a']);
    expect((await repo.get('b'))?.doc?.markdown).toBe('# Edited\n');
    const removed = await repo.remove('a');
    expect((await repo.list()).map((e) => e.id)).toEqual(['b']);
    await repo.restore(removed!);
    expect((await repo.list())).toHaveLength(2);
  });

  it('keeps a record of a newer format version, with the reason', async () => {
    await db.docs.put({ id: 'x', designId: null, updatedAt: 1, doc: { ...doc('x', 1), version: 9 } });
    const e = await repo.get('x');
    expect(e?.doc).toBeUndefined();
    expect(e?.problem).toMatch(/newer/i);
  });
});
