import { useState } from 'react';
import { readModel } from '../../domain/onnx/read.ts';
import { countFlops, resolveInputs, type FlopReport } from '../../domain/calibration/flops/index.ts';
import { predictLatency } from '../../domain/calibration/predict.ts';
import { flopSplit } from '../../domain/calibration/costSplit.ts';
import { offersDeviceFit } from '../../domain/calibration/profile.ts';
import { cancelRun, defaultThreads, startUserModel, useBench } from '../../state/benchStore.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { useProfiles } from '../../state/profilesStore.ts';
import { fmtBytes, fmtFlops, fmtMsShort } from './format.ts';

const MAX_MODEL_BYTES = 200 * 1024 * 1024;
const BATCHES = [1, 4, 16];

interface Loaded {
  name: string;
  bytes: ArrayBuffer;
  report: FlopReport;
  split: ReturnType<typeof flopSplit>;
  inputs: { name: string; dtype: string; shape: number[] }[];
  shapes: Record<string, number[]>;
}

function analyse(name: string, bytes: ArrayBuffer, shapes: Record<string, number[]>): Loaded | string {
  const read = readModel(new Uint8Array(bytes));
  if (!read.ok) return `“${name}” is not an ONNX model this app can read: ${read.error}`;
  const opts = Object.keys(shapes).length ? { shapes } : {};
  try {
    return { name, bytes, shapes, report: countFlops(read.model, opts), split: flopSplit(read.model, opts), inputs: resolveInputs(read.model, opts) };
  } catch (err) {
    // resolveInputs refuses inputs it cannot feed (strings, no declared shape): say which.
    return `“${name}” cannot be benchmarked here: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Drop your own .onnx: count its FLOPs from the graph, predict it on this device, benchmark it. */
export function UserModelPanel() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drag, setDrag] = useState(false);
  const caps = useBench((s) => s.caps);
  const run = useBench((s) => s.run);
  const running = run.status === 'running';
  const job = useBench((s) => s.job);
  const skips = useBench((s) => s.skips);
  const calibrated = useProfiles((s) => s.profiles.find(offersDeviceFit));

  const open = async (file: File) => {
    setError(null);
    if (file.size > MAX_MODEL_BYTES) return setError(`“${file.name}” is ${(file.size / 1e6).toFixed(0)} MB; the limit is 200 MB.`);
    const r = analyse(file.name, await file.arrayBuffer(), {});
    if (typeof r === 'string') return setError(r), setLoaded(null);
    setLoaded(r);
  };
  const setDim = (input: string, shape: number[]) => {
    if (!loaded) return;
    const r = analyse(loaded.name, loaded.bytes, { ...loaded.shapes, [input]: shape });
    if (typeof r === 'string') setError(r);
    else setLoaded(r);
  };
  const ops = loaded ? Object.entries(loaded.report.ops).sort((a, b) => b[1].flops - a[1].flops) : [];
  const total = loaded?.report.flopsPerSample ?? 0;
  return (
    <section className="bench-card" data-testid="user-model">
      <h2>Your own model</h2>
      <label
        className={`dropzone${drag ? ' over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDrag(true); }}
        onDragLeave={() => setDrag(false)}
        onDrop={(e) => { e.preventDefault(); setDrag(false); const f = e.dataTransfer.files[0]; if (f) void open(f); }}
      >
        <input type="file" accept=".onnx" className="sr-only" data-testid="onnx-input" onChange={(e) => { const f = e.target.files?.[0]; if (f) void open(f); e.target.value = ''; }} />
        <span>Drop an <code>.onnx</code> file here, or <span className="linkish">choose one</span>. It is read in this browser and never uploaded.</span>
      </label>
      {error && <p className="bad-text small" role="alert">{error}</p>}
      {loaded && (
        <div className="user-model" data-testid="user-model-report">
          <h3>{loaded.name}</h3>
          <div className="results profile-metrics">
            <div className="metric"><span className="metric-label">Work per sample</span><span className="metric-value" data-testid="user-flops">{fmtFlops(loaded.report.flopsPerSample)}</span>{loaded.report.fixedFlops > 0 && <span className="metric-sub">+ {fmtFlops(loaded.report.fixedFlops)} per call</span>}</div>
            <div className="metric"><span className="metric-label">Weights</span><span className="metric-value">{fmtBytes(loaded.report.paramsBytes)}</span><span className="metric-sub">{loaded.report.paramsCount.toLocaleString()} parameters</span></div>
            <div className="metric"><span className="metric-label">Activations / sample</span><span className="metric-value">{fmtBytes(loaded.report.activationBytesPerSample)}</span></div>
            {calibrated?.deviceFit && (
              <div className="metric"><span className="metric-label">Predicted here</span><span className="metric-value" data-testid="user-predicted">{BATCHES.map((b) => `B${b}: ${fmtMsShort(predictLatency(calibrated.deviceFit!, { ...loaded.report, split: loaded.split }, b))}`).join(' · ')}</span><span className="metric-sub">from “{calibrated.name}”</span></div>
            )}
          </div>
          <table className="est-table">
            <thead><tr><th>Input</th><th>Type</th><th>Shape (first dimension = batch)</th></tr></thead>
            <tbody>
              {loaded.inputs.map((i) => (
                <tr key={i.name}>
                  <td><code>{i.name}</code></td>
                  <td>{i.dtype}</td>
                  <td><input className="input" defaultValue={i.shape.join('x')} aria-label={`Shape of ${i.name}`} onBlur={(e) => { const s = e.target.value.split(/[x×,\s]+/).map(Number); if (s.every((n) => Number.isInteger(n) && n > 0)) setDim(i.name, s); else setError(`“${e.target.value}” is not a shape like 1x3x224x224.`); }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="est-table ops-table">
            <thead><tr><th>Operator</th><th>Nodes</th><th>FLOPs / sample</th><th>Share</th></tr></thead>
            <tbody>
              {ops.slice(0, 12).map(([op, v]) => <tr key={op}><td>{op}</td><td>{v.count}</td><td>{fmtFlops(v.flops)}</td><td>{total ? `${((v.flops / loaded.report.totalFlops) * 100).toFixed(1)}%` : '–'}</td></tr>)}
            </tbody>
          </table>
          {loaded.report.warnings.length > 0 && (
            <details className="small"><summary>{loaded.report.warnings.length} notes from the FLOP count</summary><ul>{loaded.report.warnings.slice(0, 50).map((w) => <li key={w}>{w}</li>)}</ul></details>
          )}
          {job?.models[0]?.id === `user:${loaded.name}` && job.models.length === 1 && (
            <div className="user-run" data-testid="user-run">
              {run.status === 'running' && <ProgressBar run={run} onCancel={cancelRun} />}
              {run.status === 'finished' && <p className="small" role="status">{run.message ?? 'Measured and saved as a device profile (see Device profiles above).'}</p>}
              {run.status === 'error' && <p className="small bad-text" role="alert">{run.message}</p>}
              {skips.length > 0 && <ul className="small bad-text">{skips.map((k) => <li key={`${k.batch ?? ''}${k.reason}`}>{k.batch ? `Batch ${k.batch}: ` : ''}{k.reason}</li>)}</ul>}
            </div>
          )}
          <div className="run-actions">
            <button type="button" className="btn primary" disabled={running} onClick={() => startUserModel('ort-wasm', { id: `user:${loaded.name}`, label: loaded.name, source: { kind: 'onnx', bytes: loaded.bytes.slice(0), ...(Object.keys(loaded.shapes).length ? { shapes: loaded.shapes } : {}) } }, BATCHES, defaultThreads(caps))}>
              Benchmark it on this device
            </button>
            <span className="small muted">Batches {BATCHES.join(', ')} on onnxruntime-web (wasm). The result is saved as a profile that model servers on the canvas can use.</span>
          </div>
        </div>
      )}
    </section>
  );
}
