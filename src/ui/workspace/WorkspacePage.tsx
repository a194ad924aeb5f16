import { useEffect, useState } from 'react';
import { SimulationPanel } from '../capacity/SimulationPanel.tsx';
import { ReactFlowProvider } from '@xyflow/react';
import { liveQuery } from 'dexie';
import { readDesign } from '../../domain/design/format.ts';
import { getDb } from '../../storage/db.ts';
import { designsRepo, TAB_ID } from '../../state/services.ts';
import { closeDesign, notify, openDesign, receiveRemote, useWorkspace } from '../../state/workspaceStore.ts';
import { flushSave } from '../../state/autosave.ts';
import { snapshotOnClose } from '../../state/versionStore.ts';
import { ProblemPage } from '../shared/ProblemPage.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { Toolbar } from './Toolbar.tsx';
import { CanvasArea } from './CanvasArea.tsx';
import { useAddAtCenter } from './useAddAtCenter.ts';
import { useShortcuts } from './useShortcuts.ts';
import { watchProfiles } from '../../state/profilesStore.ts';
import './workspace.css';

type LoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'missing' } | { kind: 'error'; message: string };

export default function WorkspacePage({ id }: { id: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    performance.mark('mlsd:load-start');
    watchProfiles();
    designsRepo()
      .load(id)
      .then((loaded) => {
        if (cancelled) return;
        if (!loaded) return setState({ kind: 'missing' });
        if (!loaded.result.ok) return setState({ kind: 'error', message: loaded.result.message });
        openDesign(id, loaded.result.value, loaded.record.rev, loaded.record.viewport ?? null);
        performance.mark('mlsd:load-end');
        performance.measure('mlsd:load-design', 'mlsd:load-start', 'mlsd:load-end');
        setState({ kind: 'ready' });
      })
      .catch((err: unknown) => !cancelled && setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      cancelled = true;
      void flushSave().finally(() => {
        // The last saved edits become a version when the design is closed (queued after the save's own check).
        void snapshotOnClose('design', id);
        closeDesign();
      });
    };
  }, [id]);

  // Another tab saved this design: take its content when we have no unsaved edits of our own.
  useEffect(() => {
    if (state.kind !== 'ready') return;
    const sub = liveQuery(() => getDb().designs.get(id)).subscribe((rec) => {
      if (!rec) return notify('This design was deleted in another tab. Export it now if you want to keep it.', 'warning', undefined, 0);
      if (rec.editor === TAB_ID) return;
      const r = readDesign(rec.design);
      if (r.ok && receiveRemote(r.value, rec.rev)) notify('Updated with changes made in another tab.');
    });
    return () => sub.unsubscribe();
  }, [id, state.kind]);

  if (state.kind === 'loading') return <div className="page muted" role="status">Opening design…</div>;
  if (state.kind === 'missing' || state.kind === 'error') {
    return (
      <ProblemPage
        title={state.kind === 'missing' ? 'Design not found' : 'This design cannot be opened'}
        text={state.kind === 'missing' ? 'It may have been deleted, or it was saved in another browser profile.' : state.message}
        backHref="/"
        backLabel="Back to the Library"
      />
    );
  }
  return (
    <ReactFlowProvider>
      <Workspace />
    </ReactFlowProvider>
  );
}

function Workspace() {
  const hasDesign = useWorkspace((s) => s.history !== null);
  const addAtCenter = useAddAtCenter();
  useShortcuts();
  if (!hasDesign) return null;
  return (
    <div className="workspace">
      <Toolbar />
      <Palette onAdd={addAtCenter} />
      <CanvasArea />
      <Inspector />
      <SimulationPanel />
    </div>
  );
}
