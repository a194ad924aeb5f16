import { DIMENSIONS } from '../scenario/rubric.ts';
import type { Scenario } from '../scenario/schema.ts';
import { PHASE_LABELS } from '../scenario/vocabulary.ts';
import type { Attempt } from './attempt.ts';
import { formatClock } from './clock.ts';
import { buildDebrief } from './debrief.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** An attempt as a Markdown report: timings, questions, follow-ups, checks, scores and notes. */
export function attemptToMarkdown(a: Attempt, scenario: Scenario | undefined, all: readonly Scenario[]): string {
  const d = buildDebrief(a, scenario, all);
  const when = new Date(a.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  const lines: string[] = [`# Mock interview: ${a.scenarioTitle}`, '', `${when} UTC · ${a.formatId === 'custom' ? 'custom format' : `${a.formatId} minutes`} · ${a.finishedAt ? 'finished' : 'in progress'}`, ''];
  if (d.score.final !== null) lines.push(`**Score:** ${d.score.final.toFixed(2)} / 4 (${d.score.band}) · self ${d.score.self!.toFixed(2)} − hints ${d.score.hintPenalty.toFixed(2)}`, '');
  lines.push('## Time per phase', '', '| Phase | Plan | Spent | Checkpoint |', '|---|---:|---:|:---:|');
  for (const p of d.phases) lines.push(`| ${p.label} | ${formatClock(p.planMs)} | ${formatClock(p.spentMs)} | ${p.checkpoint ? '✓' : ''} |`);
  lines.push(`| **Total** | ${formatClock(d.totalPlanMs)} | ${formatClock(d.totalSpentMs)} | |`, '');
  lines.push('## Requirements asked', '');
  const asked = a.asked.map((q) => ({ q, r: scenario?.requirements.find((r) => r.id === q.requirementId) }));
  if (!asked.length) lines.push('_None._');
  for (const { q, r } of asked) lines.push(`- **${q.text}** — ${r?.answer ?? '(fact no longer in the scenario)'}`);
  const missed = d.requirements.filter((r) => !r.asked);
  if (missed.length) lines.push('', 'Not asked: ' + missed.map((r) => r.question).join(' · '));
  lines.push('', '## Interviewer follow-ups', '');
  if (!a.followUps.length) lines.push('_None._');
  for (const f of a.followUps) lines.push(`- [${f.answered ? 'x' : ' '}] (${PHASE_LABELS[f.phase]}) ${f.question}`, `  - Look for: ${f.lookFor}`);
  lines.push('', '## Automatic checks', '');
  const checks = a.result?.checks ?? [];
  if (!checks.length) lines.push('_No flags._');
  for (const c of checks) lines.push(`- ${c.text}`);
  if (a.result) lines.push('', `Capacity at the scenario's peak: p99 ${a.result.saturated ? 'unbounded (saturated)' : a.result.p99Ms === null ? 'n/a' : `${a.result.p99Ms.toFixed(1)} ms`} against a ${a.result.budgetMs} ms budget.`);
  lines.push('', '## Self-assessment', '', '| Dimension | Score | Flags |', '|---|---:|---:|');
  for (const p of d.score.perDimension) lines.push(`| ${cell(DIMENSIONS.find((x) => x.id === p.id)!.label)} | ${p.self ?? '–'} | ${p.flags} |`);
  if (a.hints.length) {
    lines.push('', '## Hints used', '');
    for (const h of a.hints) lines.push(`- ${PHASE_LABELS[h.phase]}, level ${h.level}: ${h.text}`);
  }
  if (d.suggestion) lines.push('', '## Next', '', d.suggestion.text + (d.suggestion.scenarioTitle ? ` Try: ${d.suggestion.scenarioTitle}.` : ''));
  lines.push('', '## Notes', '', a.notes.trim() || '_Empty._', '');
  return lines.join('\n');
}
