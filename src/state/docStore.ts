import { create } from 'zustand';
import type { DesignDoc } from '../domain/doc/format.ts';
import { docsRepo } from './services.ts';
import { storageErrorMessage } from '../storage/errors.ts';
import { notify, type SaveStatus } from './workspaceStore.ts';
import { maybeSnapshot, snapshotOnClose } from './versionStore.ts';

interface DocState {
  doc: DesignDoc | null;
  saveStatus: SaveStatus;
}

export const useDoc = create<DocState>(() => ({ doc: null, saveStatus: 'saved' }));

const DEBOUNCE_MS = 400;
let timer: ReturnType<typeof setTimeout> | undefined;

export function openDoc(doc: DesignDoc): void {
  useDoc.setState({ doc, saveStatus: 'saved' });
}

export async function closeDoc(): Promise<void> {
  await flushDocSave();
  const open = useDoc.getState().doc;
  if (open) void snapshotOnClose('doc', open.id);
  useDoc.setState({ doc: null, saveStatus: 'saved' });
}

/** Write now if there are unsaved edits (route change, tab hidden). */
export async function flushDocSave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const { doc, saveStatus } = useDoc.getState();
  if (!doc || saveStatus === 'saved') return;
  useDoc.setState({ saveStatus: 'saving' });
  try {
    await docsRepo().put(doc);
    void maybeSnapshot(doc.id, { kind: 'doc', doc });
    if (useDoc.getState().doc === doc) useDoc.setState({ saveStatus: 'saved' });
  } catch (err) {
    useDoc.setState({ saveStatus: 'error' });
    // Keep the edit in memory (still unsaved) so nothing is lost; the stored doc stays at its last good state.
    notify(storageErrorMessage('Could not save the doc', err), 'error', undefined, 0);
  }
}

function edit(fn: (d: DesignDoc) => DesignDoc): void {
  const d = useDoc.getState().doc;
  if (!d) return;
  const next = fn(d);
  if (next === d) return;
  useDoc.setState({ doc: { ...next, updatedAt: Math.max(Date.now(), d.createdAt) }, saveStatus: 'pending' });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushDocSave(), DEBOUNCE_MS);
}

export const setMarkdown = (markdown: string) => edit((d) => (d.markdown === markdown ? d : { ...d, markdown }));
export const setTitle = (title: string) => edit((d) => (title.trim() && d.title !== title ? { ...d, title: title.slice(0, 200) } : d));
export const setDesignId = (designId: string | null) => edit((d) => (d.designId === designId ? d : { ...d, designId }));

let started = false;
/** Flush when the tab is hidden or closed, as the design autosave does. */
export function startDocAutosave(): void {
  if (started) return;
  started = true;
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void flushDocSave());
  window.addEventListener('pagehide', () => void flushDocSave());
}
