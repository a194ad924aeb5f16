import { create } from 'zustand';

export const useShortcutHelp = create<{ open: boolean }>(() => ({ open: false }));
export const openShortcutHelp = () => useShortcutHelp.setState({ open: true });
export const closeShortcutHelp = () => useShortcutHelp.setState({ open: false });

export const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Ctrl/⌘ + Shift + Z, Ctrl + Y', 'Redo'],
  ['Ctrl/⌘ + C / V', 'Copy / paste components'],
  ['Ctrl/⌘ + D', 'Duplicate selection'],
  ['Ctrl/⌘ + A', 'Select all components'],
  ['Ctrl/⌘ + Alt + S', 'Save a named version (opens History)'],
  ['Delete / Backspace', 'Delete selection'],
  ['Shift + 1', 'Zoom to fit'],
  ['Shift + L', 'Auto-layout left to right'],
  ['Arrow keys', 'Move the focused component (Shift: faster)'],
  ['Tab / Enter', 'Focus a component / select it'],
  ['Enter on a palette item', 'Add it in the middle of the view'],
  ['?', 'This list'],
];
