import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioDb } from '../../../src/storage/db.ts';
import { ProfilesRepo } from '../../../src/storage/profilesRepo.ts';
import { readProfile } from '../../../src/domain/calibration/profile.ts';
import fixture from '../../fixtures/device-profile.v1.json';

let db: StudioDb;
let repo: ProfilesRepo;
const profile = () => {
  const r = readProfile(structuredClone(fixture));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

beforeEach(async () => {
  db = new StudioDb(`test-${Math.random()}`);
  await db.open();
  repo = new ProfilesRepo(db);
});
afterEach(async () => {
  await db.delete();
});

describe('ProfilesRepo', () => {
  it('saves, lists newest first, renames and deletes with restore', async () => {
    const a = await repo.save({ ...profile(), id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    const b = await repo.save({ ...profile(), id: 'b', createdAt: '2026-02-01T00:00:00.000Z' });
    expect((await repo.list()).map((e) => e.id)).toEqual([b, a]);
    await repo.rename(a, 'Work laptop');
    expect((await repo.get(a))!.profile!.name).toBe('Work laptop');
    const removed = await repo.remove(a);
    expect((await repo.list()).map((e) => e.id)).toEqual([b]);
    await repo.restore(removed!);
    expect((await repo.list()).map((e) => e.id)).toEqual([b, a]);
  });

  it('an import of a profile that is already stored gets a new id instead of overwriting', async () => {
    const first = await repo.save(profile());
    const second = await repo.save(profile());
    expect(second).not.toBe(first);
    expect(await repo.list()).toHaveLength(2);
  });

  it('keeps a record that no longer validates and says why', async () => {
    await db.profiles.put({ id: 'bad', createdAt: 1, profile: { format: 'mlsd-device-profile', version: 1, id: 'bad' } });
    const [e] = await repo.list();
    expect(e!.profile).toBeUndefined();
    expect(e!.problem).toMatch(/name|runtime|models/);
  });
});
