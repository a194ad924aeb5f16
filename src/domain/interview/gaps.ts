import { estimateDesign } from '../capacity/estimate.ts';
import type { Design } from '../design/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GapId, PhaseId } from '../scenario/vocabulary.ts';

export interface GapContext {
  design: Design;
  notes: string;
  scenario: Scenario;
}

export interface GapReport {
  gaps: Set<GapId>;
  /** The design judged at the scenario's real load (what the interviewer knows), when it has a request path. */
  p99Ms: number | null;
  saturated: boolean;
  budgetMs: number;
}

/** Where each gap is best raised, and how the interviewer names it (the first level of hint). */
export const GAP_INFO: Record<GapId, { phase: PhaseId; text: string }> = {
  'no-latency-number': { phase: 'clarify', text: 'You have not written down a latency number yet (e.g. "p99 < 100 ms").' },
  'no-metric': { phase: 'metrics', text: 'Your notes name no offline metric (precision/recall, PR-AUC, nDCG…).' },
  'accuracy-on-rare': { phase: 'metrics', text: 'Accuracy says little when positives are this rare.' },
  'no-baseline': { phase: 'model', text: 'You have not named a baseline to beat.' },
  'no-split': { phase: 'data', text: 'This data changes over time; say how you split it without leaking the future.' },
  'no-feature-store': { phase: 'data', text: 'Online features have no home in the design.' },
  'no-human-review': { phase: 'data', text: 'Nobody reviews uncertain cases or produces labels.' },
  'no-queue': { phase: 'design', text: 'There is no durable log between the producers and the consumers.' },
  'no-retraining': { phase: 'model', text: 'Nothing retrains the model: no training cluster or retraining plan.' },
  'no-registry': { phase: 'model', text: 'Models are not versioned: no registry to roll back to.' },
  'no-cache': { phase: 'serving', text: 'Nothing absorbs hot keys or repeated requests: no cache.' },
  'over-budget': { phase: 'serving', text: 'At the real load, the capacity engine puts your p99 over the budget (or a stage saturates).' },
  'no-fallback': { phase: 'serving', text: 'You have not said what happens when a part fails (fallback, degraded mode).' },
  'no-monitoring': { phase: 'monitoring', text: 'Nothing monitors the system: no metrics, alerting or drift node.' },
  'no-drift': { phase: 'monitoring', text: 'Nothing watches for data or prediction drift.' },
  'no-rollout': { phase: 'monitoring', text: 'There is no safe rollout: no shadow, canary or A/B router.' },
};

const has = (notes: string, re: RegExp) => re.test(notes);

const RE = {
  latency: /\b\d+(\.\d+)?\s*(ms|msec|millisecond)s?\b|\bp9\d\b.*\d/i,
  metric: /\b(auc|pr-auc|roc|precision|recall|f1|ndcg|mrr|map@\d*|log ?loss|rmse|mae|hit ?rate|ctr|bleu|perplexity|calibration)\b/i,
  accuracy: /\baccuracy\b/i,
  baseline: /\b(baseline|heuristic|rule-based|rules? engine|popularity|logistic regression|most popular)\b/i,
  split: /\b(time[- ]based|temporal|out[- ]of[- ]time|point[- ]in[- ]time|split by (time|date)|chronolog\w*|backtest\w*)\b/i,
  fallback: /\b(fall ?back|degrad\w*|fail[- ](open|closed)|circuit[- ]breaker|graceful\w*)\b/i,
  drift: /\bdrift\b/i,
  retrain: /\bre-?train\w*\b/i,
  rollout: /\b(canary|a\/b|ab test|shadow|blue[/-]green)\b/i,
  review: /\b(human review|annotat\w+|labell?ers?|moderators?|review queue)\b/i,
};

/**
 * What the candidate's design and notes still lack. Infrastructure gaps come from the diagram
 * (the notes can excuse a few, e.g. "retrain weekly"); method gaps come from the notes.
 */
export function detectGaps({ design, notes, scenario }: GapContext): GapReport {
  const kinds = new Set(design.nodes.map((n) => n.kind));
  const gaps = new Set<GapId>();
  const add = (id: GapId, when: boolean) => when && gaps.add(id);
  add('no-monitoring', !kinds.has('metrics') && !kinds.has('alerting') && !kinds.has('drift-detector'));
  add('no-drift', !kinds.has('drift-detector') && !has(notes, RE.drift));
  add('no-retraining', !kinds.has('training-cluster') && !has(notes, RE.retrain));
  add('no-cache', !kinds.has('cache'));
  add('no-feature-store', !kinds.has('feature-store-online') && !kinds.has('feature-store-offline'));
  add('no-queue', !kinds.has('queue'));
  add('no-registry', !kinds.has('model-registry'));
  add('no-rollout', !kinds.has('ab-router') && !has(notes, RE.rollout));
  add('no-human-review', !kinds.has('human-review') && !has(notes, RE.review));
  add('no-latency-number', !has(notes, RE.latency));
  add('no-baseline', !has(notes, RE.baseline));
  add('no-metric', !has(notes, RE.metric));
  add('accuracy-on-rare', scenario.positiveRate !== undefined && scenario.positiveRate < 0.05 && has(notes, RE.accuracy));
  add('no-split', scenario.temporal && !has(notes, RE.split));
  add('no-fallback', !has(notes, RE.fallback));

  // Judge the design at the scenario's own load and budget, whatever workload the candidate typed.
  const real = scenario.referenceDesign.workload;
  let p99Ms: number | null = null;
  let saturated = false;
  const serving = design.nodes.some((n) => n.kind !== 'client');
  if (serving) {
    const est = estimateDesign({ ...design, workload: { ...design.workload, rps: real.rps, peakFactor: real.peakFactor ?? 1, p99BudgetMs: scenario.latencyBudgetMs } });
    saturated = est.endToEnd.saturated || Object.values(est.nodes).some((n) => n.saturated && n.role === 'sync');
    p99Ms = est.endToEnd.p99Ms;
    add('over-budget', saturated || (p99Ms !== null && p99Ms > scenario.latencyBudgetMs));
  }
  return { gaps, p99Ms, saturated, budgetMs: scenario.latencyBudgetMs };
}
