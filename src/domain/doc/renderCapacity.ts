import { escapeCell, markdownTable } from './cells.ts';
import type { BlockContext } from './blockContext.ts';
import { fmtAvailability, fmtMs, fmtPct, fmtRps, fmtUsd, UNBOUNDED } from './numbers.ts';
import { displayLabels, requestPath } from './requestPath.ts';

const ms = (v: number | null, saturated: boolean): string => (v === null ? (saturated ? UNBOUNDED : 'n/a') : fmtMs(v));

function budgetCell(p99: number | null, budget: number | undefined, saturated: boolean): string {
  if (budget === undefined) return 'not set';
  if (p99 === null) return `${fmtMs(budget)}: missed (${saturated ? 'saturated' : 'no estimate'})`;
  return p99 <= budget ? `${fmtMs(budget)}: met, ${fmtMs(budget - p99)} to spare` : `${fmtMs(budget)}: missed by ${fmtMs(p99 - budget)}`;
}

/** The capacity estimate as two tables: design-level numbers, then one row per node that takes requests. */
export function renderCapacity({ design, estimate: est }: BlockContext): string {
  const e2e = est.endToEnd;
  const labels = displayLabels(design);
  const throughput = est.maxThroughputRps === null
    ? 'n/a (no component limits it)'
    : `${fmtRps(est.maxThroughputRps)} (bottleneck: ${escapeCell(labels.get(est.bottleneck ?? '') ?? est.bottleneck ?? 'none')})`;
  const summary = markdownTable(['Metric', 'Value'], ['left', 'right'], [
    ['Load', fmtRps(est.loadRps)],
    ['End-to-end p50', ms(e2e.p50Ms, e2e.saturated)],
    ['End-to-end p99', ms(e2e.p99Ms, e2e.saturated)],
    ['p99 budget', budgetCell(e2e.p99Ms, e2e.budgetMs ?? design.workload.p99BudgetMs, e2e.saturated)],
    ['Max throughput', throughput],
    ['Monthly cost', fmtUsd(est.monthlyCostUsd)],
    ['Cost per 1M requests', est.costPer1MUsd === null ? 'n/a' : fmtUsd(est.costPer1MUsd)],
    ['Availability', e2e.saturated ? `${fmtAvailability(est.availability)} (saturated)` : fmtAvailability(est.availability)],
  ].map(([k, v]) => [k!, v!]));
  const rows = requestPath(design, est).map(({ label, waited, est: n }) => [
    escapeCell(waited ? label : `${label} (async)`),
    n.saturated ? '≥ 100% (saturated)' : fmtPct(n.utilization),
    ms(n.p99Ms, n.saturated),
    n.replicasNeeded > n.replicas ? `${n.replicas} (needs ${n.replicasNeeded})` : String(n.replicas),
  ]);
  const perNode = rows.length > 0
    ? markdownTable(['Component', 'Utilisation', 'p99', 'Replicas'], ['left', 'right', 'right', 'right'], rows)
    : '_No component takes requests yet._';
  return [`_Capacity estimate for “${escapeCell(design.name)}”._`, '', summary, '', perNode].join('\n');
}
