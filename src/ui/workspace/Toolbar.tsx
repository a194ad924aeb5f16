import { useReactFlow } from '@xyflow/react';
import { redoEdit, undoEdit, useWorkspace } from '../../state/workspaceStore.ts';
import { usePrefs } from '../../state/prefsStore.ts';
import { importDesignFromFile } from '../library/libraryActions.ts';
import { layoutAll } from './editActions.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { openShortcutHelp } from './shortcutHelp.ts';
import { ShortcutDialog } from './ShortcutDialog.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { FIT_ANIMATED } from '../canvas/fit.ts';
import { flushSave } from '../../state/autosave.ts';
import { navigate } from '../app/router.ts';
import { HistoryButton } from '../history/HistoryButton.tsx';

export function Toolbar() {
  const flow = useReactFlow();
  const name = useWorkspace((s) => s.history?.present.name ?? '');
  const designId = useWorkspace((s) => s.designId);
  const empty = useWorkspace((s) => (s.history?.present.nodes.length ?? 0) === 0);
  const canUndo = useWorkspace((s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useWorkspace((s) => (s.history?.future.length ?? 0) > 0);
  const { snap, minimap, toggleSnap, toggleMinimap } = usePrefs();
  return (
    <div className="toolbar" role="toolbar" aria-label="Design tools">
      <h1 className="toolbar-title" title={name}>{name}</h1>
      <SaveStatus />
      <div className="toolbar-group">
        <button type="button" className="btn ghost icon" onClick={undoEdit} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">↶</button>
        <button type="button" className="btn ghost icon" onClick={redoEdit} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">↷</button>
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn ghost" onClick={() => void flow.fitView(FIT_ANIMATED)} title="Zoom to fit (Shift+1)">Fit</button>
        <button type="button" className="btn ghost" onClick={layoutAll} disabled={empty} title="Auto-layout left to right (Shift+L)">Auto-layout</button>
        <button type="button" className="btn ghost" aria-pressed={snap} onClick={toggleSnap} title="Snap to a 16 px grid">Snap</button>
        <button type="button" className="btn ghost" aria-pressed={minimap} onClick={toggleMinimap} title="Show the minimap">Minimap</button>
      </div>
      <div className="toolbar-spacer" />
      {designId && <HistoryButton kind="design" targetId={designId} />}
      <button type="button" className="btn ghost" onClick={() => void importDesignFromFile()} title="Import a .mlsd.json file as a new design">Import…</button>
      <button type="button" className="btn ghost" onClick={() => void flushSave().then(() => designId && navigate(`/docs?new=${encodeURIComponent(designId)}`))} title="Write a design doc with this design's diagram and numbers">Write doc</button>
      <ExportMenu />
      <button type="button" className="btn ghost icon" onClick={openShortcutHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
      <ShortcutDialog />
    </div>
  );
}
