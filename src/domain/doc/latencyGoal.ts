import { headingKey, splitSections } from './sections.ts';
import { scanMarkdown } from './scan.ts';

export interface LatencyGoal {
  ms: number;
  /** 1-based line where it is stated. */
  line: number;
  /** The words that stated it, e.g. "p99 under 0.2 s". */
  text: string;
}

/**
 * "p99 < 150 ms", "p99 under 0.2 s", "p99 latency of 120ms", "| p99 latency | ≤ 150 ms |": "p99", up to 40
 * characters without digits, then a number with a time unit. "p99.9" is not a p99, and numbers without a unit
 * are not read as goals (too easy to mistake a count for a latency).
 */
const GOAL = /\bp99\b(?![.,]\d)[^\n\d]{0,40}?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(ms|msecs?|milliseconds?|s|secs?|seconds?)\b/gi;

/** Every p99 goal stated in prose or tables (not in code, comments or live blocks), in order. */
export function findLatencyGoals(markdown: string): LatencyGoal[] {
  const out: LatencyGoal[] = [];
  for (const line of scanMarkdown(markdown).lines) {
    const text = line.kind === 'text' ? line.text : line.kind === 'comment' ? (line.after ?? '') : '';
    for (const m of text.matchAll(GOAL)) {
      const value = Number(m[1]!.replace(/,/g, ''));
      const ms = m[2]!.toLowerCase().startsWith('m') ? value : value * 1000;
      if (Number.isFinite(ms) && ms > 0) out.push({ ms, line: line.index + 1, text: m[0] });
    }
  }
  return out;
}

/**
 * The doc's p99 goal: the first one stated in a requirements section, else in a goals section, else anywhere.
 * Other sections often quote a stage's p99 ("the ranker's p99 is 30 ms"), which is not the goal.
 */
export function statedLatencyGoal(markdown: string): LatencyGoal | null {
  const goals = findLatencyGoals(markdown);
  if (goals.length === 0) return null;
  const sections = splitSections(markdown);
  const within = (word: string) =>
    goals.find((g) => sections.some((s) => headingKey(s.heading).includes(word) && g.line > s.line && g.line <= s.endLine));
  return within('requirement') ?? within('goal') ?? goals[0]!;
}
