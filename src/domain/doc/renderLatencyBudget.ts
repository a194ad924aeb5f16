import { escapeCell, markdownTable } from './cells.ts';
import type { BlockContext } from './blockContext.ts';
import { fmtMs, fmtPct, UNBOUNDED } from './numbers.ts';
import { requestPath } from './requestPath.ts';

/**
 * Per-stage p99 along the waited-for path, each as a share of the end-to-end p99 and of the budget, then the
 * total against the budget. Shares add to more than 100% on purpose: stage tails rarely coincide, so the
 * end-to-end p99 is less than the sum of stage p99s, and the note says so.
 */
export function renderLatencyBudget({ design, estimate: est }: BlockContext): string {
  const e2e = est.endToEnd;
  const budget = e2e.budgetMs ?? design.workload.p99BudgetMs;
  const share = (v: number | null, of: number | null | undefined) => (v === null || of === null || of === undefined || of <= 0 ? '—' : fmtPct(v / of));
  const stages = requestPath(design, est).filter((n) => n.waited);
  const rows = stages.map(({ label, est: n }) => [
    escapeCell(label),
    n.p99Ms === null ? (n.saturated ? UNBOUNDED : 'n/a') : fmtMs(n.p99Ms),
    share(n.p99Ms, e2e.p99Ms),
    share(n.p99Ms, budget),
  ]);
  const total = e2e.p99Ms === null ? (e2e.saturated ? UNBOUNDED : 'n/a') : fmtMs(e2e.p99Ms);
  rows.push(['**End-to-end**', e2e.p99Ms === null ? total : `**${total}**`, e2e.p99Ms === null ? '—' : '100.0%', share(e2e.p99Ms, budget)]);
  const table = markdownTable(['Stage', 'p99', 'Share of end-to-end p99', 'Share of budget'], ['left', 'right', 'right', 'right'], rows);
  let verdict: string;
  if (budget === undefined) verdict = `End-to-end p99 ${total}; the design sets no p99 budget.`;
  else if (e2e.p99Ms === null && e2e.saturated) verdict = `End-to-end p99 is ${total}: it misses the ${fmtMs(budget)} budget until the saturated stages get more capacity.`;
  else if (e2e.p99Ms === null) verdict = `No request reaches a component yet, so there is no end-to-end p99 to hold against the ${fmtMs(budget)} budget.`;
  else if (e2e.p99Ms <= budget) verdict = `End-to-end p99 ${total} against a ${fmtMs(budget)} budget: met, ${fmtMs(budget - e2e.p99Ms)} to spare.`;
  else verdict = `End-to-end p99 ${total} against a ${fmtMs(budget)} budget: missed by ${fmtMs(e2e.p99Ms - budget)}.`;
  const note = stages.length > 1 ? ['', '_Stage p99s add up to more than the end-to-end p99 because their slow tails rarely coincide._'] : [];
  return [table, '', verdict, ...note].join('\n');
}
