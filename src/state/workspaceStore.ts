import { create } from 'zustand';
import type { Design } from '../domain/design/schema.ts';
import { canRedo, canUndo, commit, redo, replacePresent, startHistory, undo, type History } from '../domain/design/history.ts';
import type { Viewport } from '../storage/db.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

interface WorkspaceState {
  designId: string | null;
  history: History<Design> | null;
  /** Revision this tab last read or wrote; a higher one from another tab means fresh content. */
  baseRev: number;
  /** Local edits not yet written. */
  dirty: boolean;
  saveStatus: SaveStatus;
  saveError: string | null;
  selection: Selection;
  initialViewport: Viewport | null;
  notices: Notice[];
}

const EMPTY_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export const useWorkspace = create<WorkspaceState>(() => ({
  designId: null,
  history: null,
  baseRev: 0,
  dirty: false,
  saveStatus: 'saved',
  saveError: null,
  selection: EMPTY_SELECTION,
  initialViewport: null,
  notices: [],
}));

const get = useWorkspace.getState;
const set = useWorkspace.setState;

export const selectDesign = (s: WorkspaceState): Design | null => s.history?.present ?? null;

export function openDesign(id: string, design: Design, rev: number, viewport: Viewport | null): void {
  set({ designId: id, history: startHistory(design), baseRev: rev, dirty: false, saveStatus: 'saved', saveError: null, selection: EMPTY_SELECTION, initialViewport: viewport });
}

export function closeDesign(): void {
  set({ designId: null, history: null, selection: EMPTY_SELECTION, dirty: false, initialViewport: null });
}

/**
 * Apply an edit. 'commit' records an undo step; 'live' updates without one (drag frames);
 * pass the pre-drag design as `base` on drag end so the whole drag becomes one step.
 */
export function applyEdit(fn: (d: Design) => Design, mode: 'commit' | 'live' = 'commit', base?: Design): void {
  const h = get().history;
  if (!h) return;
  const next = fn(h.present);
  if (next === h.present && mode === 'live') return;
  let history: History<Design>;
  if (mode === 'live') history = replacePresent(h, next);
  else if (base && base !== next) history = commit({ ...h, present: base }, next);
  else history = commit(h, next);
  if (history === h) return;
  set({ history, dirty: true, saveStatus: 'pending' });
}

export function undoEdit(): void {
  const h = get().history;
  if (h && canUndo(h)) set({ history: undo(h), dirty: true, saveStatus: 'pending', selection: EMPTY_SELECTION });
}

export function redoEdit(): void {
  const h = get().history;
  if (h && canRedo(h)) set({ history: redo(h), dirty: true, saveStatus: 'pending', selection: EMPTY_SELECTION });
}

/** Content written by another tab replaces ours when we have nothing unsaved. Undo can bring ours back. */
export function receiveRemote(design: Design, rev: number): boolean {
  const s = get();
  if (!s.history || rev <= s.baseRev) return false;
  if (s.dirty) return false;
  set({ history: commit(s.history, design), baseRev: rev, dirty: false, saveStatus: 'saved' });
  return true;
}

export function setSelection(nodes: Iterable<string>, edges: Iterable<string> = []): void {
  set({ selection: { nodes: new Set(nodes), edges: new Set(edges) } });
}

let noticeSeq = 0;
export function notify(text: string, tone: Notice['tone'] = 'info', action?: Notice['action'], ttlMs = 6000): number {
  const id = ++noticeSeq;
  set({ notices: [...get().notices, action ? { id, tone, text, action } : { id, tone, text }] });
  if (ttlMs > 0) setTimeout(() => dismissNotice(id), ttlMs);
  return id;
}

export function dismissNotice(id: number): void {
  set({ notices: get().notices.filter((n) => n.id !== id) });
}
