import type { Scenario } from '../scenario/schema.ts';
import type { DimensionId } from '../scenario/rubric.ts';
import { PHASE_IDS, PHASE_LABELS, type GapId } from '../scenario/vocabulary.ts';
import type { Attempt, AutoCheck } from './attempt.ts';
import { clockAt } from './clock.ts';
import type { GapReport } from './gaps.ts';

const fmtMs = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** Gaps that are red flags at the end of an interview (interview-content.md §1.2 "cross-cutting flags"). */
const FLAG_GAPS: Partial<Record<GapId, { dimension: DimensionId; text: string }>> = {
  'no-latency-number': { dimension: 'scoping', text: 'No latency number was stated in your notes.' },
  'accuracy-on-rare': { dimension: 'framing', text: 'Accuracy was used as a metric on a rare-class problem.' },
  'no-metric': { dimension: 'framing', text: 'No offline metric was named.' },
  'no-baseline': { dimension: 'modeling', text: 'No baseline was named.' },
  'no-split': { dimension: 'data', text: 'No time-based split for data that changes over time.' },
  'no-monitoring': { dimension: 'evaluation', text: 'The design has no monitoring (metrics, alerting or drift).' },
  'no-fallback': { dimension: 'serving', text: 'No fallback or degraded mode was described.' },
};

/** Automatic checks at the end: evidence to set beside the self-assessment. */
export function autoChecks(a: Attempt, scenario: Scenario, report: GapReport, now: number): AutoCheck[] {
  const out: AutoCheck[] = [];
  for (const [gap, flag] of Object.entries(FLAG_GAPS) as [GapId, { dimension: DimensionId; text: string }][]) {
    if (report.gaps.has(gap)) out.push({ id: gap, dimension: flag.dimension, text: flag.text });
  }
  if (report.saturated) out.push({ id: 'over-budget', dimension: 'serving', text: `At the scenario's peak load a stage of your design saturates: latency is unbounded.` });
  else if (report.p99Ms !== null && report.p99Ms > report.budgetMs) {
    out.push({ id: 'over-budget', dimension: 'serving', text: `At the scenario's peak load the capacity engine puts your p99 at ${fmtMs(report.p99Ms)}, over the ${fmtMs(report.budgetMs)} budget.` });
  }
  if (a.asked.length === 0) out.push({ id: 'no-questions', dimension: 'scoping', text: 'You asked no clarifying questions.' });
  else {
    const topics = new Set(a.asked.map((q) => scenario.requirements.find((r) => r.id === q.requirementId)?.topic));
    const missed = (['scale', 'latency'] as const).filter((t) => scenario.requirements.some((r) => r.topic === t) && !topics.has(t));
    if (missed.length) out.push({ id: 'missed-numbers', dimension: 'scoping', text: `You never asked about ${missed.join(' or ')}.` });
  }
  const c = clockAt(a.events, a.phases, now);
  const clarify = PHASE_IDS.indexOf('clarify');
  if (c.phaseElapsedMs[clarify]! > c.phasePlanMs[clarify]! * 1.5) {
    out.push({ id: 'long-scoping', dimension: 'communication', text: `Scoping took ${minutes(c.phaseElapsedMs[clarify]!)} against a plan of ${minutes(c.phasePlanMs[clarify]!)}: long scoping squeezes the design.` });
  }
  const skipped = PHASE_IDS.filter((_, i) => i > c.phaseIndex && i < PHASE_IDS.length - 1);
  if (skipped.length) out.push({ id: 'not-reached', dimension: 'communication', text: `Never reached: ${skipped.map((p) => PHASE_LABELS[p]).join(', ')}.` });
  if (c.elapsedMs > c.totalPlanMs * 1.1) out.push({ id: 'overtime', dimension: 'communication', text: `The interview ran ${minutes(c.elapsedMs - c.totalPlanMs)} over time.` });
  return out;
}
