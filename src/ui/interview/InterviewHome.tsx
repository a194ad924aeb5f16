import { useEffect, useState, type DragEvent } from 'react';
import type { ImportPlan } from '../../domain/pack/merge.ts';
import type { Pack } from '../../domain/pack/schema.ts';
import { notify } from '../../state/workspaceStore.ts';
import { pickFile } from '../shared/files.ts';
import { useScenarios } from './useScenarios.ts';
import { ScenarioList } from './ScenarioList.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PackImportDialog } from './PackImportDialog.tsx';
import { PackExportDialog } from './PackExportDialog.tsx';
import { planPack, readPackFile, readShareFragment } from './packActions.ts';
import './interview.css';

/** /interview: pick a scenario, start a timed mock, see past attempts, and share scenario packs. */
export default function InterviewHome() {
  const lib = useScenarios();
  const [importing, setImporting] = useState<{ pack: Pack; plan: ImportPlan } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [dragging, setDragging] = useState(false);

  const preview = async (r: { ok: true; pack: Pack } | { ok: false; message: string } | null) => {
    if (!r) return;
    if (!r.ok) return void notify(r.message, 'error', undefined, 0);
    setImporting({ pack: r.pack, plan: await planPack(r.pack) });
  };

  // A share link opens the import preview; the fragment is cleared so a reload does not ask again.
  useEffect(() => {
    if (lib.status !== 'ready' || !location.hash.startsWith('#pack=')) return;
    const hash = location.hash;
    history.replaceState(null, '', location.pathname + location.search);
    void readShareFragment(hash).then(preview);
  }, [lib.status]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void readPackFile(f).then(preview);
  };

  return (
    <div
      className={`page interview-home${dragging ? ' drop-target' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="page-head">
        <h1>Mock interviews</h1>
        <button type="button" className="btn" onClick={async () => { const f = await pickFile('.json,application/json'); if (f) await preview(await readPackFile(f)); }} disabled={lib.status !== 'ready'}>Import pack…</button>
        <button type="button" className="btn" onClick={() => setExporting(true)} disabled={lib.status !== 'ready'}>Export pack…</button>
      </div>
      <p className="muted lead">
        Timed phases, an interviewer who asks what your design still lacks, hints that cost a little, and a debrief against
        a seven-dimension rubric. Requirements are revealed only when you ask for them. Drop a <code>.mlsd-pack.json</code> here to add scenarios.
      </p>
      {lib.status !== 'ready' && <p className="muted" role="status">Loading scenarios…</p>}
      {lib.problems.map((p) => (
        <div key={p.file} className="error-box" role="alert">Scenario {p.file} was not loaded: {p.message}</div>
      ))}
      {lib.status === 'ready' && <ScenarioList scenarios={lib.scenarios} sources={new Map(lib.entries.map((e) => [e.scenario.id, e.source]))} />}
      <HistoryPanel />
      {importing && <PackImportDialog pack={importing.pack} plan={importing.plan} onClose={() => setImporting(null)} />}
      {exporting && <PackExportDialog scenarios={lib.scenarios} onClose={() => setExporting(false)} />}
    </div>
  );
}
