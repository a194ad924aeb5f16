import { useEffect } from 'react';
import type { TargetKind } from '../../domain/history/format.ts';
import { closeHistory, isSaveVersionKey, openHistory, openSaveVersion, useHistoryDialog } from './historyDialogState.ts';
import { HistoryDialog } from './HistoryDialog.tsx';

/** The toolbar's "History" button, its dialog, and Ctrl/⌘+Alt+S ("Save a named version") while the page is open. */
export function HistoryButton({ kind, targetId, className = 'btn ghost' }: { kind: TargetKind; targetId: string; className?: string }) {
  const open = useHistoryDialog((s) => s.open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSaveVersionKey(e)) return;
      e.preventDefault();
      openSaveVersion();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      closeHistory();
    };
  }, []);
  return (
    <>
      <button type="button" className={className} onClick={openHistory} aria-haspopup="dialog" title="Version history: preview and restore earlier versions (Ctrl+Alt+S saves a named version)">
        History
      </button>
      {open && <HistoryDialog kind={kind} targetId={targetId} />}
    </>
  );
}
