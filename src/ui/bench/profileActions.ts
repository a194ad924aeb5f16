import { profileToFileText, readProfile } from '../../domain/calibration/profile.ts';
import { profilesRepo } from '../../state/services.ts';
import { selectProfile } from '../../state/benchStore.ts';
import { notify } from '../../state/workspaceStore.ts';
import { downloadText, pickFile, readFileText } from '../shared/files.ts';
import { formatBytes } from '../../domain/files/size.ts';
import { storageErrorMessage } from '../../storage/errors.ts';
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
  if (file.size > MAX_PROFILE_BYTES) return void notify(`"${file.name}" is ${formatBytes(file.size)}; a device profile is at most ${formatBytes(MAX_PROFILE_BYTES)}. Nothing was imported.`, 'error');
  const text = await readFileText(file);
  if (!text.ok) return void notify(text.message, 'error', undefined, 0);
  const read = readProfile(text.text);
  if (!read.ok) return void notify(`"${file.name}" is not a device profile this version can read: ${read.message}`, 'error', undefined, 10_000);
  let id: string;
  try {
    id = await profilesRepo().save(read.value);
  } catch (err) {
    return void notify(storageErrorMessage('The profile was not imported', err), 'error', undefined, 0);
  }
  selectProfile(id);
  notify(`Imported “${read.value.name}”.`);
}

export async function deleteProfile(e: ProfileEntry): Promise<void> {
  const removed = await profilesRepo().remove(e.id);
  if (!removed) return;
  notify(`Deleted “${e.profile?.name ?? e.id}”.`, 'info', { label: 'Undo', run: () => void profilesRepo().restore(removed) });
}
