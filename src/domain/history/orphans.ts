import type { TargetKind } from './format.ts';
import { ORPHAN_GRACE_MS } from './prune.ts';

export interface OrphanCandidate {
  id: string;
  targetKind: TargetKind;
  targetId: string;
  orphanedAt?: number;
}

export interface OrphanPlan {
  /** Target is missing and was not before: remember since when. */
  mark: string[];
  /** Target is back (its delete was undone, or it was restored from a backup): forget the mark. */
  unmark: string[];
  /** Target has been missing for longer than the grace period. */
  remove: string[];
}

/**
 * Versions outlive an Undo-able delete: a missing target's versions are first only marked, and deleted on a
 * later sweep once the target has been gone for ORPHAN_GRACE_MS. So a delete that is undone (in this tab or
 * another) never loses its versions, and a design restored from a backup gets its marks cleared.
 */
export function planOrphanSweep(versions: readonly OrphanCandidate[], exists: (kind: TargetKind, id: string) => boolean, now: number, graceMs = ORPHAN_GRACE_MS): OrphanPlan {
  const plan: OrphanPlan = { mark: [], unmark: [], remove: [] };
  for (const v of versions) {
    if (exists(v.targetKind, v.targetId)) {
      if (v.orphanedAt !== undefined) plan.unmark.push(v.id);
    } else if (v.orphanedAt === undefined) plan.mark.push(v.id);
    else if (now - v.orphanedAt >= graceMs) plan.remove.push(v.id);
  }
  return plan;
}
