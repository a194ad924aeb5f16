import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TargetKind } from '../../domain/history/format.ts';
import { versionsRepo } from '../../state/versionStore.ts';
import { useLive } from '../shared/useLive.ts';
import { deleteVersion, renameVersion, restoreVersion, saveVersion } from './historyActions.ts';
import { closeHistory, isSaveVersionKey, useHistoryDialog } from './historyDialogState.ts';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { useCurrentContent } from './useCurrentContent.ts';
import { VersionDetail } from './VersionDetail.tsx';
import { VersionList } from './VersionList.tsx';
import { useVersionRows } from './versionRows.ts';
import './history.css';

const NOUN = { design: 'design', doc: 'doc' } as const;

/** Version history of one design or doc: save a named version, list, preview, restore, rename, delete. */
export function HistoryDialog({ kind, targetId }: { kind: TargetKind; targetId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const nameFocus = useHistoryDialog((s) => s.nameFocus);
  const current = useCurrentContent(kind, targetId);
  const { value: versions, error } = useLive(() => versionsRepo().list(kind, targetId), [kind, targetId]);
  const rows = useVersionRows(kind, versions, current);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = rows.find((r) => r.v.id === selectedId) ?? rows[0] ?? null;

  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  useEffect(() => {
    if (nameFocus) nameRef.current?.focus();
  }, [nameFocus]);

  const run = async (fn: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    const p = await fn();
    setBusy(false);
    setProblem(p);
    return p === null;
  };

  // Keys stay inside the dialog: the canvas's own shortcuts (Delete, Ctrl+Z…) must not act on what is behind it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (isSaveVersionKey(e.nativeEvent)) {
      e.preventDefault();
      nameRef.current?.focus();
    }
    e.stopPropagation();
  };

  return (
    <dialog ref={ref} className="dialog history-dialog" onClose={closeHistory} onKeyDown={onKeyDown} aria-labelledby="history-title" data-testid="history-dialog">
      <header className="history-head">
        <h2 id="history-title">Version history</h2>
        <SaveVersionForm
          inputRef={nameRef}
          disabled={busy || !current}
          onSave={(name) =>
            run(async () => {
              if (!current) return 'Nothing is open.';
              const r = await saveVersion(targetId, current, name);
              if ('error' in r) return r.error;
              setSelectedId(r.id);
              return null;
            })
          }
        />
        <button type="button" className="btn ghost icon" aria-label="Close version history" onClick={() => ref.current?.close()}>✕</button>
      </header>
      {problem && <div className="history-problem" role="alert">{problem}</div>}
      {error !== null && <div className="history-problem" role="alert">Could not read the versions: {error instanceof Error ? error.message : String(error)}</div>}
      {versions === undefined ? (
        <p className="muted history-loading" role="status">Loading versions…</p>
      ) : rows.length === 0 ? (
        <div className="history-empty" data-testid="history-empty">
          <h3>No versions yet</h3>
          <p className="muted">
            Versions of this {NOUN[kind]} are kept automatically as you edit (at most every 5 minutes, sooner after a big change) and when you close it. Save a named version above to
            mark a milestone; named versions are kept until you delete them.
          </p>
        </div>
      ) : (
        <div className="history-body">
          <VersionList rows={rows} selectedId={selected?.v.id ?? null} onSelect={setSelectedId} />
          {selected && (
            <VersionDetail
              key={selected.v.id}
              row={selected}
              busy={busy}
              onRestore={() =>
                void run(() => restoreVersion(selected.v)).then((ok) => {
                  if (ok) ref.current?.close();
                })
              }
              onRename={(name) => run(() => renameVersion(selected.v, name))}
              onDelete={() => void run(() => deleteVersion(selected.v))}
            />
          )}
        </div>
      )}
    </dialog>
  );
}
