import { DIMENSIONS, outcomeBand, type DimensionId } from '../scenario/rubric.ts';
import type { Attempt } from './attempt.ts';
import { hintPenalty } from './hints.ts';

export interface AttemptScore {
  /** Weighted 1–4 average of the self-assessment, null until at least one dimension is scored. */
  self: number | null;
  hintPenalty: number;
  /** self − hint penalty, never below 1; null until every dimension is scored (a partial average misleads). */
  final: number | null;
  scored: number;
  band: ReturnType<typeof outcomeBand> | null;
  /** Lowest dimension once automatic flags (−0.5 each) are counted; what to practise next. */
  weakest: DimensionId | null;
  perDimension: { id: DimensionId; self: number | null; flags: number; adjusted: number | null }[];
}

export function scoreAttempt(a: Attempt): AttemptScore {
  const checks = a.result?.checks ?? [];
  const perDimension = DIMENSIONS.map((d) => {
    const self = a.selfAssessment?.[d.id] ?? null;
    const flags = checks.filter((c) => c.dimension === d.id).length;
    return { id: d.id, self, flags, adjusted: self === null ? null : Math.max(1, self - 0.5 * flags) };
  });
  const scored = DIMENSIONS.filter((d) => a.selfAssessment?.[d.id] !== undefined);
  const weight = scored.reduce((s, d) => s + d.weight, 0);
  const self = weight > 0 ? scored.reduce((s, d) => s + d.weight * a.selfAssessment![d.id]!, 0) / weight : null;
  const penalty = hintPenalty(a);
  const final = self === null || scored.length < DIMENSIONS.length ? null : Math.max(1, self - penalty);
  let weakest: DimensionId | null = null;
  let low = Infinity;
  for (const p of perDimension) {
    // Unscored dimensions count as "acceptable" (2.5) so flags alone can still point somewhere.
    const v = (p.self ?? 2.5) - 0.5 * p.flags;
    if (v < low) {
      low = v;
      weakest = p.id;
    }
  }
  return { self, hintPenalty: penalty, final, scored: scored.length, band: final === null ? null : outcomeBand(final), weakest, perDimension };
}
