import { useEffect, useRef } from 'react';
import { useEstimate } from '../../state/estimateStore.ts';
import { cancelSimulation, closeSimulation, runSimulation, useSimulation } from '../../state/simulationStore.ts';
import { useNodeNames } from '../../state/selectors.ts';
import { fmtMs, fmtPct } from './format.ts';

function diff(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return '—';
  const d = (a - b) / b;
  return `${d >= 0 ? '+' : ''}${(d * 100).toFixed(0)}%`;
}

/** Analytic model vs discrete-event simulation, side by side: the cross-check of every number on the canvas. */
export function SimulationPanel() {
  const open = useSimulation((s) => s.open);
  // Mounted only while open, so its subscriptions cost nothing during canvas edits.
  return open ? <SimulationDialog /> : null;
}

function SimulationDialog() {
  const state = useSimulation((s) => s.state);
  const estimate = useEstimate((s) => s.estimate);
  const names = useNodeNames();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  const rows = state.status === 'done' && estimate ? names.filter(([id]) => state.result.stations[id]) : [];
  return (
    <dialog ref={ref} className="dialog wide" onClose={closeSimulation} aria-labelledby="sim-title" data-testid="simulation-panel">
      <h2 id="sim-title">Cross-check by simulation</h2>
      <p className="muted small">A discrete-event simulation of the same design (random arrivals, service-time distributions, queues, batching) at the current load, with a fixed seed. The analytic model and the simulation should agree within about 10% below 90% utilisation.</p>
      {state.status === 'running' && (
        <div className="progress-block">
          <progress max={1} value={state.fraction} aria-label="Simulation progress" />
          <span>{Math.round(state.fraction * 100)}%</span>
          <button type="button" className="btn" onClick={cancelSimulation}>Cancel</button>
        </div>
      )}
      {state.status === 'error' && <div className="error-box" role="alert">Simulation failed: {state.message}</div>}
      {state.status === 'done' && estimate && (
        <>
          <p className="small">
            {state.result.requests.toLocaleString('en-US')} requests, {state.result.events.toLocaleString('en-US')} events{state.result.wallMs ? ` in ${Math.round(state.result.wallMs)} ms` : ''}.
            {state.result.saturated.length > 0 && <strong className="bad-text"> Saturated: {state.result.saturated.join(', ')}.</strong>}
          </p>
          <table className="est-table" data-testid="simulation-table">
            <thead>
              <tr><th>Component</th><th>Utilisation model / sim</th><th>Mean model / sim</th><th>p99 model / sim</th><th>Δ p99</th></tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">End to end</th>
                <td>—</td>
                <td>{fmtMs(estimate.endToEnd.meanMs)} / {fmtMs(state.result.endToEnd.meanMs)}</td>
                <td>{fmtMs(estimate.endToEnd.p99Ms)} / {fmtMs(state.result.endToEnd.p99Ms)}</td>
                <td>{diff(estimate.endToEnd.p99Ms, state.result.endToEnd.p99Ms)}</td>
              </tr>
              {rows.map(([id, label]) => {
                const a = estimate.nodes[id];
                const s = state.result.stations[id]!;
                return (
                  <tr key={id}>
                    <th scope="row">{label}</th>
                    <td>{fmtPct(a?.utilization)} / {fmtPct(s.utilization)}</td>
                    <td>{fmtMs(a?.meanMs)} / {fmtMs(s.meanResponseMs)}</td>
                    <td>{fmtMs(a?.p99Ms)} / {fmtMs(s.p99ResponseMs)}</td>
                    <td>{diff(a?.p99Ms, s.p99ResponseMs)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <div className="dialog-actions">
        {state.status !== 'running' && <button type="button" className="btn" onClick={() => runSimulation()}>Run again</button>}
        <button type="button" className="btn primary" onClick={closeSimulation}>Close</button>
      </div>
    </dialog>
  );
}
