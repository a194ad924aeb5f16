import { useEffect, useState } from 'react';
import { docsRepo, designsRepo } from '../../state/services.ts';
import { loadTemplates, useTemplates } from '../../state/templateLibrary.ts';
import { useLive } from '../shared/useLive.ts';
import { Link } from '../app/Link.tsx';
import { useSearch } from '../app/router.ts';
import { relativeTime } from '../library/relativeTime.ts';
import { deleteDoc } from './docActions.ts';
import { NewDocDialog } from './NewDocDialog.tsx';
import './docs.css';

/** /docs — every design doc, and "New doc" from a template (?new=<designId> opens it for that design). */
export default function DocsPage() {
  const { value: entries, error } = useLive(() => docsRepo().list(), []);
  const { value: designs } = useLive(() => designsRepo().list(), []);
  const lib = useTemplates();
  const search = useSearch();
  const wanted = new URLSearchParams(search).get('new');
  const [creating, setCreating] = useState<string | null | undefined>(wanted ?? undefined);
  useEffect(() => void loadTemplates(), []);
  const names = new Map((designs ?? []).map((d) => [d.id, d.name]));
  const ready = lib.status === 'ready' && designs !== undefined;
  return (
    <div className="page">
      <div className="page-head">
        <h1>Design docs</h1>
        <button type="button" className="btn primary" onClick={() => setCreating(null)} disabled={!ready}>New doc</button>
      </div>
      {error ? <div className="error-box" role="alert">Could not read your docs: {String(error)}</div> : null}
      {lib.problems.map((p) => <div key={p.file} className="error-box" role="alert">Template {p.file} was not loaded: {p.message}</div>)}
      {entries && entries.length === 0 && (
        <div className="empty">
          <h2>No docs yet</h2>
          <p>
            Write the design doc from a template — the end-to-end capstone, a one-page brief, a Google-style design doc or a launch
            review — with your design's diagram, capacity table and latency budget kept live until you export.
          </p>
          <button type="button" className="btn primary" onClick={() => setCreating(null)} disabled={!ready}>Start a doc</button>
        </div>
      )}
      {entries && entries.length > 0 && (
        <table className="est-table docs-table">
          <thead><tr><th>Title</th><th>Design</th><th>Edited</th><th aria-label="Actions" /></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-doc={e.id}>
                <td>{e.doc ? <Link href={`/doc/${encodeURIComponent(e.id)}`}>{e.doc.title}</Link> : <span className="bad-text" title={e.problem}>Unreadable doc</span>}</td>
                <td className="muted">{e.designId ? (names.get(e.designId) ?? 'deleted design') : '—'}</td>
                <td className="muted">{relativeTime(e.updatedAt)}</td>
                <td className="row-actions">{e.doc && <button type="button" className="btn small ghost danger" onClick={() => void deleteDoc(e.doc!)} aria-label={`Delete ${e.doc.title}`}>Delete</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating !== undefined && ready && <NewDocDialog templates={lib.templates} designs={(designs ?? []).filter((d) => !d.problem)} initialDesignId={creating} onClose={() => setCreating(undefined)} />}
    </div>
  );
}
