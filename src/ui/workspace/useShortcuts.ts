import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { redoEdit, undoEdit } from '../../state/workspaceStore.ts';
import { copy, duplicate, layoutAll, pasteClipboard, selectAll } from './editActions.ts';
import { openShortcutHelp } from './shortcutHelp.ts';
import { FIT_ANIMATED } from '../canvas/fit.ts';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest('input, textarea, select, [contenteditable="true"]');
}

/** Editor shortcuts. Typing in a field keeps the browser's own undo and copy. */
export function useShortcuts(): void {
  const flow = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) undoEdit();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) redoEdit();
      else if (mod && key === 'c') handled = copy();
      else if (mod && key === 'v') handled = pasteClipboard();
      else if (mod && key === 'd') duplicate(); // always handled: the browser's Ctrl+D would bookmark the page
      else if (mod && key === 'a') selectAll();
      else if (!mod && e.shiftKey && (e.code === 'Digit1' || key === '!')) void flow.fitView(FIT_ANIMATED);
      else if (!mod && e.shiftKey && key === 'l') layoutAll();
      else if (!mod && e.key === '?') openShortcutHelp();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flow]);
}
