import { describe, expect, it } from 'vitest';
import { readAttempt } from '../../../src/domain/interview/attempt.ts';
import { clockAt } from '../../../src/domain/interview/clock.ts';
import { formatPhases } from '../../../src/domain/interview/formats.ts';
import { detectGaps } from '../../../src/domain/interview/gaps.ts';
import { pickFollowUps } from '../../../src/domain/interview/followUps.ts';
import { matchRequirement } from '../../../src/domain/interview/requirements.ts';
import { advance, askFreeText, finish, newAttempt, pause, resume, selfAssess, setNotes, takeHint } from '../../../src/domain/interview/session.ts';
import { scoreAttempt } from '../../../src/domain/interview/scoring.ts';
import { buildDebrief, progressSeries } from '../../../src/domain/interview/debrief.ts';
import { attemptToMarkdown } from '../../../src/domain/interview/markdown.ts';
import { anomalyScenario, designOf } from './fixture.ts';

const MIN = 60_000;
const scenario = anomalyScenario();
const start = (seed = 1) => newAttempt({ id: 'a1', scenario, formatId: '45', phases: formatPhases('45'), seed, designId: 'd1', now: 0 });

describe('requirement questions', () => {
  it('matches free text to the scenario facts', () => {
    expect(matchRequirement('What is the peak QPS?', scenario.requirements).best?.requirement.id).toBe('event-rate');
    expect(matchRequirement('do we have labels for past anomalies', scenario.requirements).best?.requirement.id).toBe('labels');
    expect(matchRequirement('is the 100 ms end to end?', scenario.requirements).best?.requirement.id).toBe('latency-meaning');
    expect(matchRequirement('what colour is the logo', scenario.requirements).best).toBeNull();
  });

  it('logs a matched question once and keeps an unmatched one', () => {
    let a = start();
    a = askFreeText(a, scenario, 'What is the peak QPS?', 10).attempt;
    a = askFreeText(a, scenario, 'how many events per second at peak', 20).attempt;
    a = askFreeText(a, scenario, 'what colour is the logo', 30).attempt;
    expect(a.asked.map((q) => q.requirementId)).toEqual(['event-rate']);
    expect(a.unmatched.map((q) => q.text)).toEqual(['what colour is the logo']);
  });
});

describe('design gaps', () => {
  it('an empty-ish design lacks monitoring, cache and more; notes close method gaps', () => {
    const bare = detectGaps({ design: designOf(['client', 'api-gateway', 'model-server']), notes: '', scenario });
    for (const g of ['no-monitoring', 'no-drift', 'no-cache', 'no-queue', 'no-latency-number', 'no-baseline', 'no-metric', 'no-split', 'no-fallback'] as const) expect(bare.gaps.has(g)).toBe(true);
    const notes = 'p99 < 100 ms. Baseline: robust z-score. Metric: precision of pages. Time-based split. Fallback to static thresholds. Watch drift.';
    const better = detectGaps({ design: designOf(['client', 'queue', 'stream-processor', 'model-server', 'metrics', 'alerting']), notes, scenario });
    for (const g of ['no-monitoring', 'no-drift', 'no-queue', 'no-latency-number', 'no-baseline', 'no-metric', 'no-split', 'no-fallback'] as const) expect(better.gaps.has(g)).toBe(false);
  });

  it('flags accuracy on this rare-class scenario', () => {
    expect(detectGaps({ design: designOf(['client']), notes: 'optimise accuracy', scenario }).gaps.has('accuracy-on-rare')).toBe(true);
  });

  it('judges p99 at the scenario load: one small scorer saturates at 150k events/s', () => {
    const r = detectGaps({ design: designOf(['client', 'model-server']), notes: '', scenario });
    expect(r.saturated).toBe(true);
    expect(r.gaps.has('over-budget')).toBe(true);
    const ref = detectGaps({ design: scenario.referenceDesign, notes: '', scenario });
    expect(ref.gaps.has('over-budget')).toBe(false);
    expect(ref.p99Ms!).toBeLessThan(100);
  });
});

describe('follow-up selection', () => {
  const base = { scenario, finished: 'design' as const, entering: 'data' as const, askedIds: new Set<string>(), count: 1 };

  it('asks about monitoring when the design has none, and not once it does', () => {
    const none = pickFollowUps({ ...base, gaps: new Set(['no-monitoring']), seed: 3 });
    expect(none[0]!.reason).toBe('no-monitoring');
    const covered = pickFollowUps({ ...base, gaps: new Set(['no-cache']), seed: 3 });
    expect(covered.every((f) => f.when !== 'no-monitoring')).toBe(true);
    expect(covered[0]!.reason).toBe('no-cache');
  });

  it('never repeats a question already asked', () => {
    const first = pickFollowUps({ ...base, gaps: new Set(['over-budget']), seed: 1 });
    const again = pickFollowUps({ ...base, gaps: new Set(['over-budget']), seed: 1, askedIds: new Set(first.map((f) => f.id)) });
    expect(again[0]!.id).not.toBe(first[0]!.id);
  });

  it('two seeds give different interviews on the same design', () => {
    const gaps = new Set(['no-cache', 'no-drift', 'no-baseline', 'no-split', 'no-rollout'] as const);
    const picks = new Set(Array.from({ length: 12 }, (_, seed) => pickFollowUps({ ...base, entering: 'wrapup', finished: 'monitoring', gaps, seed, count: 2 }).map((f) => f.id).join('+')));
    expect(picks.size).toBeGreaterThan(1);
  });

  it('is deterministic for a seed (a reload replays the same interviewer)', () => {
    const gaps = new Set(['no-cache', 'no-drift'] as const);
    expect(pickFollowUps({ ...base, gaps, seed: 42 })).toEqual(pickFollowUps({ ...base, gaps, seed: 42 }));
  });
});

describe('attempt state machine', () => {
  it('moves through phases, asks follow-ups on entering data, pauses and resumes', () => {
    let a = start(7);
    const gaps = detectGaps({ design: designOf(['client', 'model-server']), notes: '', scenario }).gaps;
    a = advance(a, scenario, gaps, 5 * MIN); // → metrics
    a = advance(a, scenario, gaps, 9 * MIN); // → design
    expect(a.followUps).toEqual([]);
    a = pause(a, 10 * MIN);
    a = pause(a, 11 * MIN); // idempotent
    expect(a.events.filter((e) => e.type === 'pause')).toHaveLength(1);
    a = resume(a, 20 * MIN);
    a = advance(a, scenario, gaps, 25 * MIN); // → data: one follow-up
    expect(a.followUps).toHaveLength(1);
    expect(a.followUps[0]!.phase).toBe('data');
    expect(a.followUps[0]!.reason).not.toBeNull();
    const c = clockAt(a.events, a.phases, 25 * MIN);
    expect(c.phaseIndex).toBe(3);
    expect(c.phaseElapsedMs.slice(0, 3)).toEqual([5 * MIN, 4 * MIN, 6 * MIN]);
  });

  it('advancing while paused resumes; finish freezes the design and stops the clock', () => {
    let a = start();
    a = pause(a, 2 * MIN);
    a = advance(a, scenario, new Set(), 4 * MIN);
    expect(clockAt(a.events, a.phases, 5 * MIN)).toMatchObject({ paused: false, phaseIndex: 1, elapsedMs: 3 * MIN });
    const design = designOf(['client', 'model-server']);
    const report = detectGaps({ design, notes: a.notes, scenario });
    a = finish(a, scenario, design, report, 6 * MIN);
    expect(a.designSnapshot?.nodes).toHaveLength(2);
    expect(a.result?.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['no-latency-number', 'no-monitoring', 'over-budget', 'no-questions', 'not-reached']));
    expect(clockAt(a.events, a.phases, 60 * MIN).elapsedMs).toBe(4 * MIN);
    expect(finish(a, scenario, design, report, 7 * MIN)).toBe(a);
  });

  it('hints go from naming a gap to a question to a checklist, then stop', () => {
    let a = start();
    const design = designOf(['client']);
    const gaps = detectGaps({ design, notes: '', scenario }).gaps;
    for (let i = 0; i < 4; i++) a = takeHint(a, scenario, design, gaps, MIN + i);
    expect(a.hints.map((h) => h.level)).toEqual([1, 2, 3]);
    expect(a.hints[0]!.text).toMatch(/latency number/);
    expect(a.hints[1]!.text).toBe(scenario.phaseHints.find((h) => h.phase === 'clarify')!.question);
    expect(a.hints[2]!.text).toMatch(/^Checklist:/);
  });

  it('scores the self-assessment by weight, minus hint costs, and finds the weakest dimension', () => {
    let a = start();
    a = takeHint(a, scenario, designOf(['client']), new Set(), MIN); // level 1 costs 0.05
    for (const d of ['scoping', 'framing', 'data', 'modeling', 'serving', 'evaluation', 'communication'] as const) a = selfAssess(a, d, 3);
    a = selfAssess(a, 'data', 1);
    const s = scoreAttempt(a);
    // weights: data 0.2 → 3 − 0.2·2 = 2.6
    expect(s.self).toBeCloseTo(2.6, 10);
    expect(s.final).toBeCloseTo(2.55, 10);
    expect(s.band).toBe('Hire');
    expect(s.weakest).toBe('data');
  });

  it('gives no overall score until every dimension is scored', () => {
    let a = start();
    a = selfAssess(a, 'serving', 4);
    expect(scoreAttempt(a)).toMatchObject({ final: null, band: null, scored: 1 });
    expect(scoreAttempt(a).self).toBe(4);
  });

  it('stored attempts validate; debrief, markdown and progress come from them', () => {
    let a = start();
    a = askFreeText(a, scenario, 'peak qps?', MIN).attempt;
    a = setNotes(a, 'p99 under 100 ms');
    a = advance(a, scenario, new Set(), 6 * MIN);
    const design = scenario.referenceDesign;
    a = finish(a, scenario, design, detectGaps({ design, notes: a.notes, scenario }), 10 * MIN);
    a = selfAssess(a, 'serving', 4);
    const r = readAttempt(JSON.parse(JSON.stringify(a)));
    expect(r.ok).toBe(true);
    const d = buildDebrief(a, scenario, [scenario]);
    expect(d.phases[0]).toMatchObject({ id: 'clarify', planMs: 7 * MIN, spentMs: 6 * MIN });
    expect(d.components.every((c) => c.present)).toBe(true);
    const md = attemptToMarkdown(a, scenario, [scenario]);
    expect(md).toContain('# Mock interview: Real-time anomaly detection on a stream');
    expect(md).toContain('| Clarify requirements | 7:00 | 6:00 |');
    expect(md).toContain('p99 under 100 ms');
    expect(progressSeries([a]).find((s) => s.id === 'serving')!.points).toEqual([{ at: 10 * MIN, score: 4 }]);
  });

  it('refuses a stored attempt of a newer version', () => {
    expect(readAttempt({ ...start(), version: 2 })).toMatchObject({ ok: false, reason: 'too-new' });
  });
});
