import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { AttemptsRepo } from '../../../src/storage/attemptsRepo.ts';
import { newAttempt } from '../../../src/domain/interview/session.ts';
import { formatPhases } from '../../../src/domain/interview/formats.ts';
import { anomalyScenario } from '../interview/fixture.ts';

let db: StudioDb;
let repo: AttemptsRepo;
const make = (id: string, now: number) => newAttempt({ id, scenario: anomalyScenario(), formatId: '45', phases: formatPhases('45'), seed: 5, designId: 'd', now });

beforeEach(async () => {
  db = new StudioDb(`test-${Math.random()}`);
  await db.open();
  repo = new AttemptsRepo(db);
});
afterEach(async () => {
  await db.delete();
});

describe('AttemptsRepo', () => {
  it('stores attempts, lists newest first, deletes and restores', async () => {
    await repo.put(make('a', 1000));
    await repo.put(make('b', 2000));
    expect((await repo.list()).map((e) => e.id)).toEqual(['b', 'a']);
    expect((await repo.get('a'))?.attempt?.seed).toBe(5);
    const removed = await repo.remove('a');
    expect((await repo.list()).map((e) => e.id)).toEqual(['b']);
    await repo.restore(removed!);
    expect((await repo.list()).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('keeps a record that no longer validates and says why', async () => {
    await db.attempts.put({ id: 'bad', scenarioId: 'x', createdAt: 1, attempt: { format: 'mlsd-attempt', version: 1, id: 'bad' } });
    const e = await repo.get('bad');
    expect(e?.attempt).toBeUndefined();
    expect(e?.problem).toMatch(/Invalid interview attempt/);
  });
});
