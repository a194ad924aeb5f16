import { useEffect, useMemo, useRef, useState } from 'react';
import { designsRepo, TAB_ID } from '../../state/services.ts';
import { useLive } from '../shared/useLive.ts';
import { DesignRow } from './DesignRow.tsx';
import { RenameDialog } from './RenameDialog.tsx';
import { MermaidImportDialog } from './MermaidImportDialog.tsx';
import { StorageStatus } from '../shared/StorageStatus.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { downloadBackup, previewRestore, type RestorePreview } from './backupActions.ts';
import { pickFile } from '../shared/files.ts';
import { notify } from '../../state/workspaceStore.ts';
import { deleteWithUndo, importDesignFromFile, newBlankDesign, newExampleDesign } from './libraryActions.ts';
import { filterAndSort, type SortKey } from './filterAndSort.ts';
import './library.css';

export function LibraryPage() {
  const { value: items, error } = useLive(() => designsRepo().list(), []);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('updated');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [mermaidOpen, setMermaidOpen] = useState(false);
  const [restoring, setRestoring] = useState<RestorePreview | null>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === '/' && !target?.closest('input, textarea, select, [contenteditable]')) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const shown = useMemo(() => filterAndSort(items ?? [], query, sort), [items, query, sort]);

  return (
    <div className="page">
      <div className="page-head">
        <h1>Library</h1>
        <button type="button" className="btn" onClick={() => setMermaidOpen(true)}>Import Mermaid…</button>
        <button type="button" className="btn" onClick={() => void importDesignFromFile()}>Import file…</button>
        <button type="button" className="btn primary" onClick={() => void newBlankDesign()}>New design</button>
      </div>
      {mermaidOpen && <MermaidImportDialog onClose={() => setMermaidOpen(false)} />}
      {error ? <div className="error-box" role="alert">Could not read the local database: {String(error)}</div> : null}
      {items && items.length === 0 && (
        <div className="empty">
          <h2>No designs yet</h2>
          <p>
            A design is an ML system drawn from components (Kafka, feature store, model server, monitoring…) with the load it must carry.
            Everything stays in this browser: no account, no server.
          </p>
          <div className="empty-actions">
            <button type="button" className="btn primary" onClick={() => void newBlankDesign()}>Start a blank design</button>
            <button type="button" className="btn" onClick={() => void newExampleDesign()}>Open an example</button>
            <button type="button" className="btn" onClick={() => void importDesignFromFile()}>Import a .mlsd.json file</button>
          </div>
        </div>
      )}
      {items && items.length > 0 && (
        <>
          <div className="library-tools">
            <input ref={search} className="input library-search" type="search" placeholder="Search designs  ( / )" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Search designs" />
            <label className="muted">
              Sort by{' '}
              <select className="select" value={sort} onChange={(e) => setSort(e.target.value as SortKey)} aria-label="Sort designs">
                <option value="updated">Last edited</option>
                <option value="name">Name</option>
                <option value="created">Created</option>
              </select>
            </label>
            <button type="button" className="btn ghost" onClick={() => void newExampleDesign()}>Add example</button>
          </div>
          {shown.length === 0 ? (
            <p className="muted" role="status">No design matches “{query}”.</p>
          ) : (
            <ul className="design-list" aria-label="Designs">
              {shown.map((item) => (
                <DesignRow
                  key={item.id}
                  item={item}
                  onRename={() => setRenaming({ id: item.id, name: item.name })}
                  onDuplicate={() => void designsRepo().duplicate(item.id, TAB_ID)}
                  onDelete={() => void deleteWithUndo(item.id, item.name)}
                />
              ))}
            </ul>
          )}
        </>
      )}
      {renaming && <RenameDialog name={renaming.name} onClose={() => setRenaming(null)} onSubmit={(name) => void designsRepo().rename(renaming.id, name, TAB_ID)} />}
      <div className="backup-row">
        <StorageStatus />
        <button type="button" className="btn small" onClick={() => void downloadBackup()}>Back up everything</button>
        <button
          type="button"
          className="btn small"
          onClick={async () => {
            const f = await pickFile('.json,application/json');
            if (!f) return;
            const r = await previewRestore(f);
            if (r.ok) setRestoring(r.preview);
            else notify(r.message, 'error', undefined, 0);
          }}
        >
          Restore…
        </button>
      </div>
      {restoring && <RestoreDialog preview={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}
