import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { exportPack, shareLink } from './packActions.ts';

/** Choose scenarios to share; they go out with their reference designs as one pack file. */
export function PackExportDialog({ scenarios, onClose }: { scenarios: Scenario[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [title, setTitle] = useState('My scenario pack');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => ref.current?.showModal(), []);
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  return (
    <dialog ref={ref} className="dialog wide" onClose={onClose} aria-labelledby="pack-export-title">
      <h2 id="pack-export-title">Export a scenario pack</h2>
      <label className="field">
        <span className="small muted">Title</span>
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Pack title" maxLength={120} />
      </label>
      <ul className="pack-pick">
        {scenarios.map((s) => (
          <li key={s.id}>
            <label><input type="checkbox" checked={picked.has(s.id)} onChange={() => toggle(s.id)} /> {s.title}</label>
          </li>
        ))}
      </ul>
      {error && <div className="field-error" role="alert">{error}</div>}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
        <button
          type="button"
          className="btn"
          disabled={picked.size === 0 || !title.trim()}
          onClick={async () => {
            const r = await shareLink(scenarios.filter((s) => picked.has(s.id)), title.trim());
            setError(r.ok ? null : r.message);
            if (r.ok) ref.current?.close();
          }}
        >
          Copy share link
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={picked.size === 0 || !title.trim()}
          onClick={() => {
            const problem = exportPack(scenarios.filter((s) => picked.has(s.id)), title.trim());
            if (problem) setError(problem);
            else ref.current?.close();
          }}
        >
          Export {picked.size || ''} scenario{picked.size === 1 ? '' : 's'}
        </button>
      </div>
    </dialog>
  );
}
