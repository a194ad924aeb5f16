import { profileToFileText, readProfile } from '../../domain/calibration/profile.ts';
import { profilesRepo } from '../../state/services.ts';
import { selectProfile } from '../../state/benchStore.ts';
import { notify } from '../../state/workspaceStore.ts';
import { downloadText, pickFile } from '../shared/files.ts';
import type { ProfileEntry } from '../../storage/profilesRepo.ts';

const MAX_PROFILE_BYTES = 5 * 1024 * 1024;

export function exportProfile(e: ProfileEntry): void {
  if (!e.profile) return;
  const safe = e.profile.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'profile';
  downloadText(`${safe}.mlsd-profile.json`, profileToFileText(e.profile));
}

export async function importProfile(): Promise<void> {
  const file = await pickFile('.json,application/json');
  if (!file) return;
  if (file.size > MAX_PROFILE_BYTES) return void notify(`"${file.name}" is ${(file.size / 1e6).toFixed(1)} MB; a device profile is at most 5 MB. Nothing was imported.`, 'error');
  const read = readProfile(await file.text());
  if (!read.ok) return void notify(`"${file.name}" is not a device profile this version can read: ${read.message}`, 'error', undefined, 10_000);
  const id = await profilesRepo().save(read.value);
  selectProfile(id);
  notify(`Imported “${read.value.name}”.`);
}

export async function deleteProfile(e: ProfileEntry): Promise<void> {
  const removed = await profilesRepo().remove(e.id);
  if (!removed) return;
  notify(`Deleted “${e.profile?.name ?? e.id}”.`, 'info', { label: 'Undo', run: () => void profilesRepo().restore(removed) });
}
