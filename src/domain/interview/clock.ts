import type { PhasePlan } from './formats.ts';

/** What moves the clock. Everything else in an attempt is derived from these and a `now`. */
export type ClockEvent =
  | { type: 'start'; at: number }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'advance'; at: number }
  | { type: 'finish'; at: number };

export interface ClockState {
  phaseIndex: number;
  paused: boolean;
  finished: boolean;
  /** Active (unpaused) time since the start, ms. */
  elapsedMs: number;
  /** Active time spent in each phase so far, ms. */
  phaseElapsedMs: number[];
  phasePlanMs: number[];
  /** Plan minus time spent in the current phase (negative when over). */
  phaseRemainingMs: number;
  totalPlanMs: number;
  totalRemainingMs: number;
  /** 'soft' past 80% of the phase's time, 'strong' past 120% (interview-content.md §2.2). */
  warning: 'none' | 'soft' | 'strong';
}

/**
 * The interview clock as a pure function of stored timestamps and the current time. A reload, a
 * closed tab or a sleeping laptop changes nothing: time is never accumulated in memory. Paused
 * intervals do not count; an unpaused closed laptop does, as it would in a real interview.
 * Events out of order (a clock that went backwards) are clamped, never negative.
 */
export function clockAt(events: readonly ClockEvent[], phases: readonly PhasePlan[], now: number): ClockState {
  const phasePlanMs = phases.map((p) => p.minutes * 60_000);
  const phaseElapsedMs = phases.map(() => 0);
  let phaseIndex = 0;
  let running = false;
  let started = false;
  let finished = false;
  let since = 0;
  const credit = (until: number) => {
    if (running) phaseElapsedMs[phaseIndex] = (phaseElapsedMs[phaseIndex] ?? 0) + Math.max(0, until - since);
    since = Math.max(since, until);
  };
  for (const e of events) {
    if (finished) break;
    switch (e.type) {
      case 'start':
        if (!started) {
          started = true;
          running = true;
          since = e.at;
        }
        break;
      case 'pause':
        if (running) {
          credit(e.at);
          running = false;
        }
        break;
      case 'resume':
        if (started && !running) {
          running = true;
          since = Math.max(since, e.at);
        }
        break;
      case 'advance':
        if (!started) break;
        credit(e.at);
        phaseIndex = Math.min(phaseIndex + 1, phases.length - 1);
        break;
      case 'finish':
        credit(e.at);
        running = false;
        finished = true;
        break;
    }
  }
  if (running) credit(now);
  const elapsedMs = phaseElapsedMs.reduce((a, b) => a + b, 0);
  const totalPlanMs = phasePlanMs.reduce((a, b) => a + b, 0);
  const plan = phasePlanMs[phaseIndex] ?? 0;
  const spent = phaseElapsedMs[phaseIndex] ?? 0;
  const warning = finished || plan === 0 ? 'none' : spent > plan * 1.2 ? 'strong' : spent > plan * 0.8 ? 'soft' : 'none';
  return {
    phaseIndex,
    paused: started && !running && !finished,
    finished,
    elapsedMs,
    phaseElapsedMs,
    phasePlanMs,
    phaseRemainingMs: plan - spent,
    totalPlanMs,
    totalRemainingMs: totalPlanMs - elapsedMs,
    warning,
  };
}

/** "4:05", "-1:30", "1:02:03". */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${sign}${h}:${String(m).padStart(2, '0')}:${sec}` : `${sign}${m}:${sec}`;
}
