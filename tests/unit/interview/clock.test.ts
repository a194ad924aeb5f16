import { describe, expect, it } from 'vitest';
import { clockAt, formatClock, type ClockEvent } from '../../../src/domain/interview/clock.ts';
import { formatPhases } from '../../../src/domain/interview/formats.ts';

const phases = formatPhases('45');
const MIN = 60_000;

describe('interview clock', () => {
  it('45-minute format adds up to 45 minutes and 60 to 60', () => {
    expect(phases.reduce((a, p) => a + p.minutes, 0)).toBe(45);
    expect(formatPhases('60').reduce((a, p) => a + p.minutes, 0)).toBe(60);
  });

  it('counts time in the current phase from timestamps', () => {
    const c = clockAt([{ type: 'start', at: 1000 }], phases, 1000 + 3 * MIN);
    expect(c.phaseIndex).toBe(0);
    expect(c.elapsedMs).toBe(3 * MIN);
    expect(c.phaseRemainingMs).toBe(4 * MIN);
    expect(c.totalRemainingMs).toBe(42 * MIN);
    expect(c.warning).toBe('none');
  });

  it('pauses exclude time; advancing credits the phase it leaves', () => {
    const ev: ClockEvent[] = [
      { type: 'start', at: 0 },
      { type: 'pause', at: 2 * MIN },
      { type: 'resume', at: 12 * MIN },
      { type: 'advance', at: 15 * MIN },
    ];
    const c = clockAt(ev, phases, 16 * MIN);
    expect(c.phaseElapsedMs.slice(0, 2)).toEqual([5 * MIN, 1 * MIN]);
    expect(c.elapsedMs).toBe(6 * MIN);
    expect(c.phaseIndex).toBe(1);
    expect(c.paused).toBe(false);
  });

  it('gives the same answer after a simulated reload: the state is only the events and now', () => {
    const ev: ClockEvent[] = [{ type: 'start', at: 0 }, { type: 'advance', at: 4 * MIN }];
    const before = clockAt(ev, phases, 9 * MIN);
    const stored = JSON.parse(JSON.stringify(ev)) as ClockEvent[];
    const after = clockAt(stored, phases, 9 * MIN);
    expect(after).toEqual(before);
    // A laptop closed for 20 minutes while running: the time passed in the interview too.
    expect(clockAt(stored, phases, 29 * MIN).phaseElapsedMs[1]).toBe(25 * MIN);
  });

  it('a paused clock stays still however long the tab is closed', () => {
    const ev: ClockEvent[] = [{ type: 'start', at: 0 }, { type: 'pause', at: 5 * MIN }];
    expect(clockAt(ev, phases, 500 * MIN).elapsedMs).toBe(5 * MIN);
    expect(clockAt(ev, phases, 500 * MIN).paused).toBe(true);
  });

  it('warns softly past 80% and strongly past 120% of the phase', () => {
    const ev: ClockEvent[] = [{ type: 'start', at: 0 }];
    expect(clockAt(ev, phases, 6 * MIN).warning).toBe('soft');
    expect(clockAt(ev, phases, 9 * MIN).warning).toBe('strong');
    expect(clockAt(ev, phases, 9 * MIN).phaseRemainingMs).toBe(-2 * MIN);
  });

  it('stops at finish and ignores events after it; never goes past the last phase', () => {
    const ev: ClockEvent[] = [{ type: 'start', at: 0 }, ...Array.from({ length: 12 }, (_, i) => ({ type: 'advance' as const, at: (i + 1) * MIN })), { type: 'finish', at: 20 * MIN }, { type: 'resume', at: 30 * MIN }];
    const c = clockAt(ev, phases, 90 * MIN);
    expect(c.finished).toBe(true);
    expect(c.phaseIndex).toBe(phases.length - 1);
    expect(c.elapsedMs).toBe(20 * MIN);
  });

  it('a clock that went backwards never yields negative time', () => {
    const c = clockAt([{ type: 'start', at: 10 * MIN }, { type: 'advance', at: 5 * MIN }], phases, 12 * MIN);
    expect(c.phaseElapsedMs.every((v) => v >= 0)).toBe(true);
  });

  it('formats clocks', () => {
    expect(formatClock(245_000)).toBe('4:05');
    expect(formatClock(-90_000)).toBe('-1:30');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});

describe('custom formats', () => {
  it('accepts whole minutes 1–60 per phase, in the fixed order', async () => {
    const { customPhasesProblem } = await import('../../../src/domain/interview/formats.ts');
    expect(customPhasesProblem(phases)).toBeNull();
    expect(customPhasesProblem(phases.map((p, i) => (i === 2 ? { ...p, minutes: 0 } : p)))).toMatch(/"design" needs a whole number/);
    expect(customPhasesProblem(phases.map((p, i) => (i === 2 ? { ...p, minutes: 2.5 } : p)))).toMatch(/whole number/);
    expect(customPhasesProblem([...phases].reverse())).toMatch(/in order/);
    expect(customPhasesProblem(phases.slice(1))).toMatch(/every phase/);
  });
});
