import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import { MAX_VERSION_NAME } from '../../domain/history/format.ts';
import { DesignVersionPreview } from './DesignVersionPreview.tsx';
import { versionTitle } from './VersionList.tsx';
import type { VersionRow } from './versionRows.ts';

const DocVersionPreview = lazy(() => import('./DocVersionPreview.tsx'));

interface Props {
  row: VersionRow;
  onRestore: () => void;
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
  busy: boolean;
}

/** The selected version: when, what changed since, a read-only preview, and what can be done with it. */
export function VersionDetail({ row, onRestore, onRename, onDelete, busy }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const { v, content } = row;
  const trimmed = draft?.trim() ?? '';
  const nameError = draft === null ? null : trimmed === '' ? 'A name is required.' : trimmed.length > MAX_VERSION_NAME ? `At most ${MAX_VERSION_NAME} characters.` : null;
  // Escape cancels the rename instead of closing the whole dialog.
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    setDraft(null);
  };
  return (
    <section className="history-detail" aria-labelledby="version-title" data-testid="version-detail">
      <div className="history-detail-head">
        {draft === null ? (
          <div className="history-detail-title">
            <h3 id="version-title">{versionTitle(row)}</h3>
            <p className="muted small">
              {v.auto ? 'Saved automatically' : 'Named version'} · <time dateTime={new Date(v.createdAt).toISOString()}>{new Date(v.createdAt).toLocaleString()}</time>
              {row.summary && ` · ${row.summary}`}
            </p>
          </div>
        ) : (
          <form
            className="history-rename"
            onSubmit={(e) => {
              e.preventDefault();
              if (nameError) return;
              void onRename(trimmed).then((ok) => ok && setDraft(null));
            }}
          >
            <h3 id="version-title" className="sr-only">Rename version</h3>
            <input className="input" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} aria-label="New version name" aria-invalid={nameError ? true : undefined} maxLength={MAX_VERSION_NAME + 20} autoFocus />
            <button type="submit" className="btn primary small" disabled={!!nameError}>Save name</button>
            <button type="button" className="btn small" onClick={() => setDraft(null)}>Cancel</button>
            {nameError && <span className="field-error" role="alert">{nameError}</span>}
          </form>
        )}
        {draft === null && (
          <div className="history-actions">
            <button type="button" className="btn primary" onClick={onRestore} disabled={busy || !content || row.sameAsNow} title={row.sameAsNow ? 'This version is the same as now' : 'Replace the present with this version (undoable)'}>
              Restore this version
            </button>
            <button type="button" className="btn" onClick={() => setDraft(v.name ?? '')} disabled={busy}>{v.auto ? 'Name it…' : 'Rename…'}</button>
            <button type="button" className="btn danger" onClick={onDelete} disabled={busy}>Delete</button>
          </div>
        )}
      </div>
      <div className="history-preview" aria-label="Preview of this version (read-only)" role="region">
        {!content && <p className="muted">This version cannot be read by this version of the app, so it cannot be previewed or restored.</p>}
        {content?.kind === 'design' && <DesignVersionPreview design={content.design} />}
        {content?.kind === 'doc' && (
          <Suspense fallback={<p className="muted" role="status">Loading preview…</p>}>
            <DocVersionPreview doc={content.doc} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
