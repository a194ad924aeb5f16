import type { Design } from '../design/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { PHASE_IDS, type GapId, type PhaseId } from '../scenario/vocabulary.ts';
import { ATTEMPT_FORMAT, ATTEMPT_VERSION, type Attempt } from './attempt.ts';
import { autoChecks } from './checks.ts';
import { clockAt } from './clock.ts';
import { pickFollowUps } from './followUps.ts';
import type { FormatId, PhasePlan } from './formats.ts';
import type { GapReport } from './gaps.ts';
import { nextHint } from './hints.ts';
import { matchRequirement, type RequirementMatch } from './requirements.ts';

/** Every transition is a pure function: (attempt, input, now) → new attempt. The store only stores. */

export function newAttempt(o: { id: string; scenario: Scenario; formatId: FormatId; phases: PhasePlan[]; seed: number; designId: string; now: number }): Attempt {
  return {
    format: ATTEMPT_FORMAT,
    version: ATTEMPT_VERSION,
    id: o.id,
    scenarioId: o.scenario.id,
    scenarioTitle: o.scenario.title,
    formatId: o.formatId,
    phases: o.phases.map((p) => ({ ...p })),
    seed: o.seed >>> 0,
    designId: o.designId,
    createdAt: o.now,
    events: [{ type: 'start', at: o.now }],
    asked: [],
    unmatched: [],
    hints: [],
    followUps: [],
    checkpoints: [],
    notes: '',
  };
}

export const isFinished = (a: Attempt): boolean => a.events.some((e) => e.type === 'finish');
export const currentPhase = (a: Attempt, now: number): PhaseId => PHASE_IDS[clockAt(a.events, a.phases, now).phaseIndex]!;

export function pause(a: Attempt, now: number): Attempt {
  const c = clockAt(a.events, a.phases, now);
  return c.paused || c.finished ? a : { ...a, events: [...a.events, { type: 'pause', at: now }] };
}

export function resume(a: Attempt, now: number): Attempt {
  return clockAt(a.events, a.phases, now).paused ? { ...a, events: [...a.events, { type: 'resume', at: now }] } : a;
}

/**
 * Move to the next phase. Advancing while paused resumes the clock. On entering a phase the
 * interviewer asks follow-ups chosen from what the design and notes still lack (`gaps`).
 */
export function advance(a: Attempt, scenario: Scenario, gaps: ReadonlySet<GapId>, now: number): Attempt {
  const c = clockAt(a.events, a.phases, now);
  if (c.finished || c.phaseIndex >= a.phases.length - 1) return a;
  const finished = PHASE_IDS[c.phaseIndex]!;
  const entering = PHASE_IDS[c.phaseIndex + 1]!;
  const events = c.paused ? [...a.events, { type: 'resume' as const, at: now }, { type: 'advance' as const, at: now }] : [...a.events, { type: 'advance' as const, at: now }];
  const picked = pickFollowUps({ scenario, gaps, finished, entering, askedIds: new Set(a.followUps.map((f) => f.id)), seed: (a.seed + a.followUps.length * 7919 + c.phaseIndex) >>> 0 });
  const followUps = [
    ...a.followUps,
    ...picked.map((f) => ({ id: f.id, question: f.question, dimension: f.dimension, lookFor: f.lookFor, source: f.source, reason: f.reason, phase: entering, at: now, answered: false })),
  ];
  return { ...a, events, followUps };
}

export function askRequirement(a: Attempt, requirementId: string, text: string, now: number): Attempt {
  if (a.asked.some((q) => q.requirementId === requirementId)) return a;
  return { ...a, asked: [...a.asked, { requirementId, text: text.slice(0, 400), at: now }] };
}

/** A free-text question: revealed and logged when it matches a fact, kept as unmatched otherwise. */
export function askFreeText(a: Attempt, scenario: Scenario, text: string, now: number): { attempt: Attempt; match: RequirementMatch | null; others: RequirementMatch[] } {
  const q = text.trim();
  if (!q) return { attempt: a, match: null, others: [] };
  const { best, others } = matchRequirement(q, scenario.requirements);
  if (best) return { attempt: askRequirement(a, best.requirement.id, q, now), match: best, others };
  return { attempt: { ...a, unmatched: [...a.unmatched, { text: q.slice(0, 400), at: now }] }, match: null, others };
}

export function takeHint(a: Attempt, scenario: Scenario, design: Design, gaps: ReadonlySet<GapId>, now: number): Attempt {
  const phase = currentPhase(a, now);
  const hint = nextHint({ attempt: a, scenario, design, gaps, phase });
  return hint ? { ...a, hints: [...a.hints, { phase, level: hint.level, text: hint.text, at: now }] } : a;
}

export function toggleCheckpoint(a: Attempt, phase: PhaseId): Attempt {
  const has = a.checkpoints.includes(phase);
  return { ...a, checkpoints: has ? a.checkpoints.filter((p) => p !== phase) : PHASE_IDS.filter((p) => p === phase || a.checkpoints.includes(p)) };
}

export function setAnswered(a: Attempt, followUpId: string, answered: boolean): Attempt {
  return { ...a, followUps: a.followUps.map((f) => (f.id === followUpId ? { ...f, answered } : f)) };
}

export const setNotes = (a: Attempt, notes: string): Attempt => (a.notes === notes ? a : { ...a, notes });

/** End the interview: stop the clock, freeze the design and run the automatic checks. */
export function finish(a: Attempt, scenario: Scenario, design: Design, report: GapReport, now: number): Attempt {
  if (isFinished(a)) return a;
  const done: Attempt = { ...a, events: [...a.events, { type: 'finish', at: now }], finishedAt: now, designSnapshot: design };
  return {
    ...done,
    result: {
      p99Ms: report.p99Ms,
      budgetMs: report.budgetMs,
      saturated: report.saturated,
      gaps: [...report.gaps],
      checks: autoChecks(done, scenario, report, now),
    },
  };
}

export function selfAssess(a: Attempt, dimension: keyof NonNullable<Attempt['selfAssessment']>, score: 1 | 2 | 3 | 4): Attempt {
  return { ...a, selfAssessment: { ...a.selfAssessment, [dimension]: score } };
}
