import { liveQuery } from 'dexie';
import { create } from 'zustand';
import type { DeviceProfile } from '../domain/calibration/profile.ts';
import type { ProfileEntry } from '../storage/profilesRepo.ts';
import { profilesRepo } from './services.ts';

/**
 * Stored device profiles, kept current from IndexedDB (this tab's runs and other tabs' alike): every entry, for
 * the lab's list, and the valid profiles among them, for the estimate and the inspector.
 */
export const useProfiles = create<{ entries: ProfileEntry[]; profiles: DeviceProfile[]; loaded: boolean }>(() => ({ entries: [], profiles: [], loaded: false }));

let started = false;

export function watchProfiles(): void {
  if (started) return;
  started = true;
  liveQuery(() => profilesRepo().list()).subscribe({
    next: (entries) => useProfiles.setState({ entries, profiles: entries.flatMap((e) => (e.profile ? [e.profile] : [])), loaded: true }),
    error: () => useProfiles.setState({ loaded: true }),
  });
}
