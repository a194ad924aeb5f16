import { liveQuery } from 'dexie';
import { create } from 'zustand';
import type { DeviceProfile } from '../domain/calibration/profile.ts';
import { profilesRepo } from './services.ts';

/** Valid device profiles, kept current from IndexedDB (this tab's runs and other tabs' alike). */
export const useProfiles = create<{ profiles: DeviceProfile[]; loaded: boolean }>(() => ({ profiles: [], loaded: false }));

let started = false;

export function watchProfiles(): void {
  if (started) return;
  started = true;
  liveQuery(() => profilesRepo().list()).subscribe({
    next: (entries) => useProfiles.setState({ profiles: entries.flatMap((e) => (e.profile ? [e.profile] : [])), loaded: true }),
    error: () => useProfiles.setState({ loaded: true }),
  });
}
