import { backupFileName, MAX_BACKUP_BYTES, planRestore, readBackupText, type Backup } from '../../domain/backup/format.ts';
import { getDb } from '../../storage/db.ts';
import { existingIds, exportBackup, restoreBackup } from '../../storage/backup.ts';
import { notify } from '../../state/workspaceStore.ts';
import { downloadText, readFileText } from '../shared/files.ts';
import { formatBytes } from '../../domain/files/size.ts';
import { storageErrorMessage } from '../../storage/errors.ts';
import { flushSave } from '../../state/autosave.ts';

/** Everything (designs, docs, attempts, device profiles, imported scenarios and templates) in one file. */
export async function downloadBackup(): Promise<void> {
  try {
    await flushSave();
    const b = await exportBackup(getDb());
    downloadText(backupFileName(b.createdAt), `${JSON.stringify(b)}\n`);
  } catch (err) {
    notify(storageErrorMessage('Could not make the backup', err), 'error', undefined, 0);
  }
}

export type RestorePreview = { backup: Backup; plan: ReturnType<typeof planRestore> };

export async function previewRestore(f: File): Promise<{ ok: true; preview: RestorePreview } | { ok: false; message: string }> {
  if (f.size > MAX_BACKUP_BYTES) return { ok: false, message: `"${f.name}" is ${formatBytes(f.size)}; a backup can be at most ${formatBytes(MAX_BACKUP_BYTES)}.` };
  const file = await readFileText(f);
  if (!file.ok) return file;
  const r = readBackupText(file.text);
  if (!r.ok) return { ok: false, message: `"${f.name}" was not restored. ${r.message}` };
  return { ok: true, preview: { backup: r.value, plan: planRestore(r.value, await existingIds(getDb())) } };
}

export async function runRestore(backup: Backup, mode: 'merge' | 'replace'): Promise<string | null> {
  try {
    const counts = await restoreBackup(getDb(), backup, mode);
    notify(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} records (${mode === 'replace' ? 'replacing everything' : 'merged with what was here'}).`);
    return null;
  } catch (err) {
    return storageErrorMessage('Nothing was restored', err);
  }
}
