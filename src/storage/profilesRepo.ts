import { readProfile, type DeviceProfile } from '../domain/calibration/profile.ts';
import type { ProfileRecord, StudioDb } from './db.ts';
import { newId } from './ids.ts';

export interface ProfileEntry {
  id: string;
  createdAt: number;
  /** The profile when it validates. */
  profile?: DeviceProfile;
  /** Why the stored record no longer reads; the record is kept, never dropped. */
  problem?: string;
}

function entry(r: ProfileRecord): ProfileEntry {
  const read = readProfile(r.profile);
  return read.ok ? { id: r.id, createdAt: r.createdAt, profile: read.value } : { id: r.id, createdAt: r.createdAt, problem: read.message };
}

/** Device profiles in IndexedDB. The record id is the profile's own id, so an imported file keeps its identity. */
export class ProfilesRepo {
  constructor(private readonly db: StudioDb) {}

  async list(): Promise<ProfileEntry[]> {
    const rows = await this.db.profiles.orderBy('createdAt').reverse().toArray();
    return rows.map(entry);
  }

  async get(id: string): Promise<ProfileEntry | undefined> {
    const r = await this.db.profiles.get(id);
    return r ? entry(r) : undefined;
  }

  /** Saves a validated profile; an import of a profile that is already stored gets a fresh id instead of overwriting. */
  async save(profile: DeviceProfile, opts: { keepId?: boolean } = {}): Promise<string> {
    let id = profile.id;
    if (!opts.keepId && (await this.db.profiles.get(id))) id = newId();
    const stored: DeviceProfile = { ...profile, id };
    await this.db.profiles.put({ id, createdAt: Date.parse(profile.createdAt) || Date.now(), profile: stored });
    return id;
  }

  async rename(id: string, name: string): Promise<void> {
    const r = await this.db.profiles.get(id);
    const read = r ? readProfile(r.profile) : undefined;
    if (!r || !read?.ok) return;
    await this.db.profiles.put({ ...r, profile: { ...read.value, name } });
  }

  async remove(id: string): Promise<ProfileRecord | undefined> {
    const r = await this.db.profiles.get(id);
    await this.db.profiles.delete(id);
    return r;
  }

  async restore(r: ProfileRecord): Promise<void> {
    await this.db.profiles.put(r);
  }
}
