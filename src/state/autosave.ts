import { useWorkspace, notify } from './workspaceStore.ts';
import { designsRepo, TAB_ID } from './services.ts';
import type { Viewport } from '../storage/db.ts';
import { storageErrorMessage } from '../storage/errors.ts';
import { maybeSnapshot } from './versionStore.ts';

const DEBOUNCE_MS = 400;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;

/** Write the present design if it has unsaved edits. Safe to call any time (tab hide, route change). */
export async function flushSave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (inFlight) await inFlight;
  const s = useWorkspace.getState();
  if (!s.designId || !s.history || !s.dirty) return;
  const { designId, baseRev } = s;
  const design = s.history.present;
  useWorkspace.setState({ saveStatus: 'saving', dirty: false });
  inFlight = (async () => {
    try {
      const { rev, overwrote } = await designsRepo().save(designId, design, TAB_ID, baseRev);
      void maybeSnapshot(designId, { kind: 'design', design });
      if (useWorkspace.getState().designId !== designId) return;
      const stillDirty = useWorkspace.getState().dirty;
      useWorkspace.setState({ baseRev: rev, saveStatus: stillDirty ? 'pending' : 'saved', saveError: null });
      if (overwrote) notify('This design was also edited in another tab. Your latest edit was kept; press Ctrl+Z to step back.', 'warning');
      if (stillDirty) schedule();
    } catch (err) {
      const message = storageErrorMessage('Could not save', err);
      // Keep the edit in memory and mark it unsaved, so nothing is lost and the next edit retries.
      useWorkspace.setState({ saveStatus: 'error', saveError: message, dirty: true });
      notify(message, 'error', undefined, 0);
    } finally {
      inFlight = null;
    }
  })();
  await inFlight;
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushSave(), DEBOUNCE_MS);
}

let viewportTimer: ReturnType<typeof setTimeout> | undefined;
export function saveViewportSoon(viewport: Viewport): void {
  const id = useWorkspace.getState().designId;
  if (!id) return;
  if (viewportTimer) clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => void designsRepo().saveViewport(id, viewport), 300);
}

let started = false;
/** Start autosave once per page: debounce edits, flush when the tab is hidden or closed. */
export function startAutosave(): void {
  if (started) return;
  started = true;
  useWorkspace.subscribe((s, prev) => {
    if (s.dirty && s.history !== prev.history) schedule();
  });
  const flush = () => void flushSave();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', (e) => {
    flush();
    if (useWorkspace.getState().saveStatus === 'error') e.preventDefault();
  });
}
