import { autoLayout } from '../../domain/design/layout.ts';
import { copySelection, moveNodes, paste, type Clipboard } from '../../domain/design/ops.ts';
import { designFileName, designToFileText } from '../../domain/design/format.ts';
import { applyEdit, notify, setSelection, useWorkspace } from '../../state/workspaceStore.ts';
import { downloadText } from '../shared/files.ts';

/** Workspace commands shared by the toolbar and keyboard shortcuts. */
let clipboard: Clipboard | null = null;

export function copy(): boolean {
  if (!copySilently()) return false;
  const n = clipboard?.nodes.length ?? 0;
  notify(`Copied ${n} component${n === 1 ? '' : 's'}.`, 'info', undefined, 2000);
  return true;
}

export function pasteClipboard(): boolean {
  const clip = clipboard;
  if (!clip || clip.nodes.length === 0) return false;
  let ids: string[] = [];
  applyEdit((d) => {
    const r = paste(d, clip);
    ids = r.ids;
    return r.design;
  });
  // Paste again lands one step further, like most editors.
  clipboard = { ...clip, nodes: clip.nodes.map((n) => ({ ...n, position: { x: (n.position?.x ?? 0) + 40, y: (n.position?.y ?? 0) + 40 } })) };
  setSelection(ids);
  return true;
}

export function duplicate(): boolean {
  const saved = clipboard;
  if (!copySilently()) return false;
  pasteClipboard();
  clipboard = saved;
  return true;
}

function copySilently(): boolean {
  const s = useWorkspace.getState();
  if (!s.history || s.selection.nodes.size === 0) return false;
  clipboard = copySelection(s.history.present, s.selection.nodes);
  return true;
}

export function selectAll(): void {
  const d = useWorkspace.getState().history?.present;
  if (d) setSelection(d.nodes.map((n) => n.id));
}

export function layoutAll(): void {
  applyEdit((d) => moveNodes(d, autoLayout(d)));
}

export function exportDesign(): void {
  const d = useWorkspace.getState().history?.present;
  if (!d) return;
  downloadText(designFileName(d), designToFileText(d));
}
