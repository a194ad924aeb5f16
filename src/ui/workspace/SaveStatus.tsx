import { useWorkspace } from '../../state/workspaceStore.ts';
import { flushSave } from '../../state/autosave.ts';

const TEXT = { saved: 'Saved', pending: 'Unsaved changes', saving: 'Saving…', error: 'Not saved' } as const;

export function SaveStatus() {
  const status = useWorkspace((s) => s.saveStatus);
  const error = useWorkspace((s) => s.saveError);
  return (
    <span className={`save-status ${status}`} role="status" aria-live="polite" data-testid="save-status" title={error ?? 'Saved in this browser (IndexedDB)'}>
      {TEXT[status]}
      {status === 'error' && (
        <button type="button" className="linkish" onClick={() => void flushSave()}>Retry</button>
      )}
    </span>
  );
}
