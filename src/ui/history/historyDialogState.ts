import { create } from 'zustand';

interface HistoryDialogState {
  open: boolean;
  /** Bumped by "Save a named version" (Ctrl/⌘+Alt+S): the dialog focuses its name field each time. */
  nameFocus: number;
}

export const useHistoryDialog = create<HistoryDialogState>(() => ({ open: false, nameFocus: 0 }));
export const openHistory = () => useHistoryDialog.setState({ open: true });
export const openSaveVersion = () => useHistoryDialog.setState((s) => ({ open: true, nameFocus: s.nameFocus + 1 }));
export const closeHistory = () => useHistoryDialog.setState({ open: false, nameFocus: 0 });

/** Ctrl/⌘+Alt+S, by key position (Alt changes the character on a Mac); AltGr, which types letters, is not it. */
export function isSaveVersionKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === 'KeyS' && !e.getModifierState?.('AltGraph');
}
