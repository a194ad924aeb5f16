import { backupFileName, MAX_BACKUP_BYTES, planRestore, readBackupText, type Backup } from '../../domain/backup/format.ts';
import { getDb } from '../../storage/db.ts';
import { existingIds, exportBackup, restoreBackup } from '../../storage/backup.ts';
import { notify } from '../../state/workspaceStore.ts';
import { downloadText } from '../shared/files.ts';
import { flushSave } from '../../state/autosave.ts';

/** Everything (designs, docs, attempts, device profiles, imported scenarios and templates) in one file. */
export async function downloadBackup(): Promise<void> {
  try {
    await flushSave();
    const b = await exportBackup(getDb());
    downloadText(backupFileName(b.createdAt), `${JSON.stringify(b)}\n`);
  } catch (err) {
    notify(`Could not make the backup: ${err instanceof Error ? err.message : String(err)}`, 'error', undefined, 0);
  }
}

export type RestorePreview = { backup: Backup; plan: ReturnType<typeof planRestore> };

export async function previewRestore(f: File): Promise<{ ok: true; preview: RestorePreview } | { ok: false; message: string }> {
  if (f.size > MAX_BACKUP_BYTES) return { ok: false, message: `"${f.name}" is ${Math.round(f.size / 1e6)} MB; a backup can be at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB.` };
  const r = readBackupText(await f.text());
  if (!r.ok) return { ok: false, message: `"${f.name}" was not restored. ${r.path ? `${r.path}: ` : ''}${r.message}` };
  return { ok: true, preview: { backup: r.value, plan: planRestore(r.value, await existingIds(getDb())) } };
}

export async function runRestore(backup: Backup, mode: 'merge' | 'replace'): Promise<string | null> {
  try {
    const counts = await restoreBackup(getDb(), backup, mode);
    notify(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} records (${mode === 'replace' ? 'replacing everything' : 'merged with what was here'}).`);
    return null;
  } catch (err) {
    return `Nothing was restored: ${err instanceof Error ? err.message : String(err)}`;
  }
}
