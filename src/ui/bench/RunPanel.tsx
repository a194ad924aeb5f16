import { useState } from 'react';
import { BACKENDS } from '../../bench/browser/backends.ts';
import type { BackendId } from '../../bench/browser/protocol.ts';
import { PRESETS, type PresetId } from '../../bench/plan/presets.ts';
import { summarize } from '../../domain/calibration/stats.ts';
import { cancelRun, defaultThreads, startPreset, useBench } from '../../state/benchStore.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { fmtMsShort } from './format.ts';

export function RunPanel() {
  const statuses = useBench((s) => s.statuses);
  const caps = useBench((s) => s.caps);
  const run = useBench((s) => s.run);
  const available = BACKENDS.filter((b) => statuses.find((s) => s.id === b.id)?.available);
  const [backend, setBackend] = useState<BackendId>('ort-wasm');
  const [presetId, setPresetId] = useState<PresetId>('quick');
  const [threads, setThreads] = useState<number | null>(null);
  const t = threads ?? defaultThreads(caps);
  const running = run.status === 'running';
  const chosen = available.some((b) => b.id === backend) ? backend : available[0]?.id;
  return (
    <section className="bench-card" data-testid="run-panel">
      <h2>Calibrate this device</h2>
      <div className="run-form">
        <label className="field">
          <span className="field-label">Runtime and backend</span>
          <select className="select" value={chosen ?? ''} onChange={(e) => setBackend(e.target.value as BackendId)} disabled={running} aria-label="Runtime and backend">
            {available.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
          </select>
        </label>
        {chosen === 'ort-wasm' && (
          <label className="field">
            <span className="field-label">Threads</span>
            <input className="input narrow" type="number" min={1} max={Math.max(1, caps?.cores ?? 1)} value={t} disabled={running || !caps?.crossOriginIsolated} onChange={(e) => setThreads(Math.max(1, Math.min(caps?.cores ?? 1, Number(e.target.value) || 1)))} aria-label="Threads" />
          </label>
        )}
        <fieldset className="preset-list" disabled={running}>
          <legend className="field-label">Length</legend>
          {PRESETS.map((p) => (
            <label key={p.id} className="preset">
              <input type="radio" name="preset" value={p.id} checked={presetId === p.id} onChange={() => setPresetId(p.id)} />
              <span><strong>{p.label}</strong><br /><span className="small muted">{p.description}</span></span>
            </label>
          ))}
        </fieldset>
      </div>
      {running ? (
        <ProgressBar run={run} onCancel={cancelRun} />
      ) : (
        <div className="run-actions">
          <button type="button" className="btn primary" disabled={!chosen} onClick={() => chosen && startPreset(chosen, presetId, t)}>Run benchmark</button>
          {run.status === 'finished' && <span className="small muted" role="status">{run.message ?? 'Done: saved as a device profile below.'}</span>}
          {run.status === 'error' && <span className="small bad-text" role="alert">{run.message}</span>}
        </div>
      )}
      <LivePoints />
    </section>
  );
}

/** What has been measured so far in this run. */
function LivePoints() {
  const job = useBench((s) => s.job);
  const points = useBench((s) => s.points);
  const skips = useBench((s) => s.skips);
  if (!job || (points.length === 0 && skips.length === 0)) return null;
  const label = (id: string) => job.models.find((m) => m.id === id)?.label ?? id;
  return (
    <details className="live-points" open={points.length < 40}>
      <summary className="small">{points.length} {points.length === 1 ? 'point' : 'points'} measured{skips.length ? `, ${skips.length} skipped` : ''}</summary>
      <table className="est-table" data-testid="live-points">
        <thead><tr><th>Model</th><th>Batch</th><th>p50</th><th>p99</th><th>Runs</th></tr></thead>
        <tbody>
          {points.map((p) => {
            const s = summarize(p.samples);
            return <tr key={`${p.modelId}:${p.batch}`}><td>{label(p.modelId)}</td><td>{p.batch}</td><td>{fmtMsShort(s.p50Ms)}</td><td>{fmtMsShort(s.p99Ms)}</td><td>{s.n}</td></tr>;
          })}
          {skips.map((s) => <tr key={`skip:${s.modelId}:${s.batch ?? ''}`} className="skipped"><td>{label(s.modelId)}</td><td>{s.batch ?? '–'}</td><td colSpan={3}>Skipped: {s.reason}</td></tr>)}
        </tbody>
      </table>
    </details>
  );
}
