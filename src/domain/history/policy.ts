import type { VersionContent } from './content.ts';
import { diffContent, diffIsEmpty } from './diff.ts';
import { designChangeCount } from './diffDesign.ts';

/** Automatic versions are taken at most this often while someone keeps editing... */
export const AUTO_INTERVAL_MS = 5 * 60_000;
/** ...unless the change since the latest version is big: this many components/connections added, removed or changed, */
export const BIG_DESIGN_CHANGES = 5;
/** or this many characters added or removed in a doc, */
export const BIG_DOC_CHARS = 500;
/** or this share of the doc's length (once at least MIN_DOC_SHARE_CHARS characters), */
export const BIG_DOC_SHARE = 0.2;
export const MIN_DOC_SHARE_CHARS = 100;
/** or this many lines added plus removed (a rewrite that keeps the length). */
export const BIG_DOC_LINES = 20;

export type SnapshotReason = 'first' | 'interval' | 'big-change' | 'unchanged' | 'too-soon';

/** The latest version of the target (named or automatic); content is null when it no longer reads. */
export interface LatestVersion {
  createdAt: number;
  content: VersionContent | null;
}

/** How big the change from `a` to `b` is: 'none', 'small' or 'big' (see the constants above). */
export function changeSize(a: VersionContent | null, b: VersionContent): 'none' | 'small' | 'big' {
  if (!a) return 'big';
  const d = diffContent(a, b);
  if (!d) return 'big';
  if (diffIsEmpty(d)) return 'none';
  if (d.kind === 'design') return designChangeCount(d) >= BIG_DESIGN_CHANGES ? 'big' : 'small';
  const chars = Math.abs(d.charDelta);
  const big = chars >= BIG_DOC_CHARS || (chars >= MIN_DOC_SHARE_CHARS && chars >= BIG_DOC_SHARE * d.oldLength) || d.linesAdded + d.linesRemoved >= BIG_DOC_LINES;
  return big ? 'big' : 'small';
}

/**
 * Whether to take an automatic version of `current` now. Only when it differs from the latest version, and
 * then when there is none yet, when AUTO_INTERVAL_MS have passed since the latest (named versions count:
 * they were taken just as recently), or when the change is big. Small edits in between are captured by the
 * next version, or by the one taken when the design or doc is closed (`force`).
 */
export function shouldSnapshot(latest: LatestVersion | null, current: VersionContent, now: number, force = false): { take: boolean; reason: SnapshotReason } {
  if (!latest) return { take: true, reason: 'first' };
  const size = changeSize(latest.content, current);
  if (size === 'none') return { take: false, reason: 'unchanged' };
  if (size === 'big') return { take: true, reason: 'big-change' };
  if (force || now - latest.createdAt >= AUTO_INTERVAL_MS) return { take: true, reason: 'interval' };
  return { take: false, reason: 'too-soon' };
}
