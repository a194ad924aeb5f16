import { FOLLOW_UP_BANK } from '../scenario/bank.ts';
import type { FollowUp, Scenario } from '../scenario/schema.ts';
import { PHASE_IDS, type GapId, type PhaseId } from '../scenario/vocabulary.ts';
import { seeded } from './rng.ts';

export interface PickedFollowUp extends FollowUp {
  source: 'scenario' | 'bank';
  /** The gap that made it worth asking, if any. */
  reason: GapId | null;
}

/** How many questions the interviewer asks on entering a phase: more at the deep-dive at the end. */
export const QUESTIONS_ON_ENTER: Partial<Record<PhaseId, number>> = { data: 1, model: 1, serving: 1, monitoring: 1, wrapup: 2 };

/**
 * The interviewer's next question(s) on entering `entering`, just after `finished`.
 * Gap-driven questions whose gap the design still has win; a question whose gap the design has
 * already closed is skipped (the candidate covered it). Then questions about the phase just done.
 * A seeded jitter breaks ties, so two runs of the same scenario and design still differ.
 */
export function pickFollowUps(opts: {
  scenario: Scenario;
  gaps: ReadonlySet<GapId>;
  finished: PhaseId;
  entering: PhaseId;
  askedIds: ReadonlySet<string>;
  seed: number;
  count?: number;
}): PickedFollowUp[] {
  const count = opts.count ?? QUESTIONS_ON_ENTER[opts.entering] ?? 0;
  if (count <= 0) return [];
  const rnd = seeded(opts.seed);
  const reached = PHASE_IDS.indexOf(opts.finished);
  const candidates = [
    ...opts.scenario.followUps.map((f) => ({ f, source: 'scenario' as const })),
    ...FOLLOW_UP_BANK.map((f) => ({ f, source: 'bank' as const })),
  ].filter(({ f }) => !opts.askedIds.has(f.id) && (!f.when || opts.gaps.has(f.when)) && (!f.phase || PHASE_IDS.indexOf(f.phase) <= reached));
  const scored = candidates.map(({ f, source }) => {
    let score = rnd() * 3;
    if (f.when) score += 10;
    if (f.phase === opts.finished) score += 4;
    if (source === 'scenario') score += 2;
    return { f, source, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const out: PickedFollowUp[] = [];
  const gapsUsed = new Set<GapId>();
  for (const c of scored) {
    // One question per gap per pick: two questions about the same missing cache would feel repetitive.
    if (c.f.when && gapsUsed.has(c.f.when)) continue;
    if (c.f.when) gapsUsed.add(c.f.when);
    out.push({ ...c.f, source: c.source, reason: c.f.when ?? null });
    if (out.length === count) break;
  }
  return out;
}
