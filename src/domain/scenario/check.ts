import { estimateDesign } from '../capacity/estimate.ts';
import { estimateTraining } from '../capacity/training.ts';
import { getKind } from '../catalog/components.ts';
import type { Scenario } from './schema.ts';

export interface ScenarioCheck {
  id: string;
  ok: boolean;
  p99Ms: number | null;
  budgetMs: number;
  monthlyCostUsd: number;
  training?: { days: number; costUsd: number };
  problems: string[];
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * What a pack author needs to know before publishing a scenario: the reference design's p99 (by the
 * capacity engine) is finite and within the budget, the key components are in it, the training plan (if
 * any) fits its limits, and enough follow-ups react to design gaps for two runs to differ.
 */
export function checkScenario(s: Scenario): ScenarioCheck {
  const problems: string[] = [];
  const est = estimateDesign(s.referenceDesign);
  const p99 = est.endToEnd.p99Ms;
  if (p99 === null || !Number.isFinite(p99)) {
    problems.push(`reference design has no finite p99${est.bottleneck ? ` (saturated at "${est.bottleneck}")` : ''}`);
  } else if (p99 > s.latencyBudgetMs) {
    problems.push(`reference design p99 ${round(p99)} ms is over the ${s.latencyBudgetMs} ms budget`);
  }
  const saturated = Object.values(est.nodes).filter((n) => n.saturated).map((n) => n.id);
  if (saturated.length) problems.push(`saturated nodes in the reference design: ${saturated.join(', ')}`);
  const kinds = new Set(s.referenceDesign.nodes.map((n) => n.kind));
  for (const c of s.components) {
    if (!kinds.has(c.kind)) problems.push(`key component "${getKind(c.kind)?.label ?? c.kind}" is missing from the reference design`);
  }
  const gapped = new Set(s.followUps.flatMap((f) => (f.when ? [f.when] : [])));
  if (gapped.size < 3) problems.push(`only ${gapped.size} follow-up gap trigger(s); at least 3 make runs adapt to the design`);
  let training: ScenarioCheck['training'];
  if (s.training) {
    try {
      const t = estimateTraining(s.training);
      training = { days: round(t.days, 2), costUsd: Math.round(t.costUsd) };
      if (s.training.maxDays !== undefined && t.days > s.training.maxDays) problems.push(`training takes ${round(t.days)} days, over the ${s.training.maxDays}-day limit`);
      if (s.training.maxUsd !== undefined && t.costUsd > s.training.maxUsd) problems.push(`training costs $${Math.round(t.costUsd)}, over the $${s.training.maxUsd} limit`);
    } catch (err) {
      problems.push(`training plan: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return {
    id: s.id,
    ok: problems.length === 0,
    p99Ms: p99 === null ? null : round(p99, 2),
    budgetMs: s.latencyBudgetMs,
    monthlyCostUsd: Math.round(est.monthlyCostUsd),
    ...(training ? { training } : {}),
    problems,
  };
}
