import { updateNode } from '../../domain/design/ops.ts';
import type { DesignNode } from '../../domain/design/schema.ts';
import { useEstimate } from '../../state/estimateStore.ts';
import { applyEdit } from '../../state/workspaceStore.ts';
import { fmtMs, fmtPct, fmtRps, fmtUsd } from './format.ts';
import { Why } from './Why.tsx';

/** The selected component's numbers at the current load, each with its "why". */
export function NodeEstimate({ node }: { node: DesignNode }) {
  const est = useEstimate((s) => s.estimate?.nodes[node.id]);
  const loadMultiplier = useEstimate((s) => s.loadMultiplier);
  if (!est) return null;
  const x = est.explain;
  const rows: [string, string, string, boolean?][] = [];
  if (est.role === 'offline') {
    rows.push(['Cost / month', fmtUsd(est.monthlyCostUsd), 'monthlyCostUsd']);
  } else {
    rows.push(['Arrivals', fmtRps(est.arrivalRps), 'arrivalRps']);
    if (est.role !== 'source') {
      rows.push(['Utilisation', fmtPct(est.utilization, 1), 'utilization', est.saturated]);
      rows.push(['Mean / p50', `${fmtMs(est.meanMs)} / ${fmtMs(est.p50Ms)}`, 'meanMs', est.saturated]);
      rows.push(['p99', est.saturated ? 'unbounded (saturated)' : fmtMs(est.p99Ms), 'p99Ms', est.saturated]);
      rows.push(['Max throughput', fmtRps(est.maxRps), 'maxRps']);
      rows.push(['Replicas needed', String(est.replicasNeeded), 'replicasNeeded', est.replicasNeeded > est.replicas]);
      rows.push(['Cost / month', fmtUsd(est.monthlyCostUsd), 'monthlyCostUsd']);
    }
  }
  return (
    <fieldset className="inspector-section" data-testid="node-estimate">
      <legend>Estimate at {loadMultiplier === 1 ? 'peak load' : `×${loadMultiplier} peak load`}</legend>
      <table className="est-table">
        <tbody>
          {rows.map(([label, value, key, bad]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className={bad ? 'bad' : undefined}>
                <Why explain={x[key]} label={label}>{value}</Why>
              </td>
            </tr>
          ))}
          {est.batch && (
            <tr>
              <th scope="row">Batching</th>
              <td>
                <Why explain={x.batch} label="Batching">
                  B≈{est.batch.effectiveBatch.toFixed(1)}, {fmtMs(est.batch.aMs)} + {fmtMs(est.batch.bMs)}·B, {est.batch.bound}-bound ({est.batch.source === 'profile' ? `calibrated: ${est.batch.profileLabel ?? 'this device'}` : 'catalog roofline'})
                </Why>
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {est.role !== 'offline' && est.role !== 'source' && est.replicasNeeded > est.replicas && (
        <button type="button" className="btn" onClick={() => applyEdit((d) => updateNode(d, node.id, { replicas: est.replicasNeeded }))} data-testid="apply-replicas">
          Set replicas to {est.replicasNeeded}
        </button>
      )}
    </fieldset>
  );
}
