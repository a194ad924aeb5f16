import { useEffect, useRef, useState } from 'react';
import { BACKUP_TABLES } from '../../domain/backup/format.ts';
import { runRestore, type RestorePreview } from './backupActions.ts';

const LABEL = { designs: 'Designs', docs: 'Docs', attempts: 'Interview attempts', profiles: 'Device profiles', scenarios: 'Imported scenarios', templates: 'Imported templates', versions: 'Saved versions' } as const;

/** What a backup holds and what it would overwrite; merge (keep mine, take the backup's on clashes) or replace. */
export function RestoreDialog({ preview, onClose }: { preview: RestorePreview; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => ref.current?.showModal(), []);
  const run = async (mode: 'merge' | 'replace') => {
    const problem = await runRestore(preview.backup, mode);
    if (problem) setError(problem);
    else ref.current?.close();
  };
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="restore-title">
      <h2 id="restore-title">Restore a backup</h2>
      <p className="muted small">Made {new Date(preview.backup.createdAt).toLocaleString()}. Restoring is one step: if anything fails, nothing changes.</p>
      <table className="est-table">
        <thead><tr><th>What</th><th className="num">In the backup</th><th className="num">Same id here</th></tr></thead>
        <tbody>
          {BACKUP_TABLES.map((t) => (
            <tr key={t} data-table={t}><td>{LABEL[t]}</td><td className="num">{preview.plan[t].total}</td><td className="num">{preview.plan[t].clashes}</td></tr>
          ))}
        </tbody>
      </table>
      {error && <div className="field-error" role="alert">{error}</div>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
        <button type="button" className="btn danger" onClick={() => void run('replace')} title="Delete everything here, then restore">Replace everything</button>
        <button type="button" className="btn primary" onClick={() => void run('merge')} title="Keep what is here; where ids clash, take the backup's copy">Merge</button>
      </div>
    </dialog>
  );
}
