import { getKind } from '../catalog/components.ts';
import type { Scenario } from '../scenario/schema.ts';
import { DIMENSION_IDS, getDimension, type DimensionId } from '../scenario/rubric.ts';
import { PHASE_LABELS, type PhaseId } from '../scenario/vocabulary.ts';
import type { Attempt } from './attempt.ts';
import { clockAt } from './clock.ts';
import { scoreAttempt } from './scoring.ts';

export interface Debrief {
  phases: { id: PhaseId; label: string; planMs: number; spentMs: number; checkpoint: boolean }[];
  totalPlanMs: number;
  totalSpentMs: number;
  requirements: { id: string; question: string; answer: string; asked: boolean }[];
  components: { kind: string; label: string; why: string; present: boolean }[];
  score: ReturnType<typeof scoreAttempt>;
  suggestion: { dimension: DimensionId; text: string; scenarioId: string | null; scenarioTitle: string | null } | null;
}

/** Everything the debrief page shows, computed from the stored attempt and its scenario. */
export function buildDebrief(a: Attempt, scenario: Scenario | undefined, all: readonly Scenario[]): Debrief {
  const end = a.finishedAt ?? a.events.at(-1)?.at ?? a.createdAt;
  const c = clockAt(a.events, a.phases, end);
  const kinds = new Set((a.designSnapshot?.nodes ?? []).map((n) => n.kind));
  const asked = new Set(a.asked.map((q) => q.requirementId));
  const score = scoreAttempt(a);
  return {
    phases: a.phases.map((p, i) => ({ id: p.id, label: PHASE_LABELS[p.id], planMs: c.phasePlanMs[i]!, spentMs: c.phaseElapsedMs[i]!, checkpoint: a.checkpoints.includes(p.id) })),
    totalPlanMs: c.totalPlanMs,
    totalSpentMs: c.elapsedMs,
    requirements: (scenario?.requirements ?? []).map((r) => ({ id: r.id, question: r.question, answer: r.answer, asked: asked.has(r.id) })),
    components: (scenario?.components ?? []).map((k) => ({ kind: k.kind, label: getKind(k.kind)?.label ?? k.kind, why: k.why, present: kinds.has(k.kind) })),
    score,
    suggestion: score.weakest ? suggestNext(score.weakest, a.scenarioId, all) : null,
  };
}

/** Practise the weakest dimension next, on the scenario (not this one) whose follow-ups probe it most. */
export function suggestNext(dimension: DimensionId, currentId: string, all: readonly Scenario[]): NonNullable<Debrief['suggestion']> {
  const d = getDimension(dimension);
  const ranked = all
    .filter((s) => s.id !== currentId)
    .map((s) => ({ s, n: s.followUps.filter((f) => f.dimension === dimension).length }))
    .sort((x, y) => y.n - x.n || x.s.title.localeCompare(y.s.title));
  const pick = ranked[0]?.s ?? null;
  return { dimension, text: `Practise ${d.label.toLowerCase()} next. Strong looks like: ${d.strong}`, scenarioId: pick?.id ?? null, scenarioTitle: pick?.title ?? null };
}

/** Self-assessed (final) score per dimension over time, oldest first, for the progress chart. */
export function progressSeries(attempts: readonly Attempt[]): { id: DimensionId; points: { at: number; score: number }[] }[] {
  const done = attempts.filter((a) => a.finishedAt !== undefined && a.selfAssessment).sort((x, y) => x.finishedAt! - y.finishedAt!);
  return DIMENSION_IDS.map((id) => ({ id, points: done.flatMap((a) => (a.selfAssessment?.[id] !== undefined ? [{ at: a.finishedAt!, score: a.selfAssessment[id] }] : [])) }));
}
