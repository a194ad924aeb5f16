import { useRef } from 'react';
import type { Attempt } from '../../domain/interview/attempt.ts';
import { clockAt, formatClock } from '../../domain/interview/clock.ts';
import { EXIT_CRITERIA } from '../../domain/interview/formats.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { PHASE_LABELS } from '../../domain/scenario/vocabulary.ts';
import { advance, finishInterview, pause, resume, toggleCheckpoint } from '../../state/interviewStore.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';

/** Minutes into a 45-minute mock after which an empty canvas earns a nudge (interview-content.md §2.2). */
const NO_DIAGRAM_NUDGE_MS = 12 * 60_000;

/** The clock, the phase strip with per-phase timers, the checkpoint, and the controls. */
export function ClockBar({ attempt, scenario, now }: { attempt: Attempt; scenario: Scenario; now: number }) {
  const c = clockAt(attempt.events, attempt.phases, now);
  const phase = attempt.phases[c.phaseIndex]!;
  const last = c.phaseIndex === attempt.phases.length - 1;
  const nodes = useWorkspace((s) => s.history?.present.nodes.length ?? 0);
  const finishRef = useRef<HTMLDialogElement>(null);
  const nudge = c.elapsedMs > NO_DIAGRAM_NUDGE_MS && nodes < 3 && c.phaseIndex >= 2;
  return (
    <div className="clock-bar">
      <div className="clock-main">
        <h1 className="clock-title" title={scenario.title}>{scenario.title}</h1>
        <div className={`clock-big warn-${c.warning}`} role="timer" aria-live="off" aria-label={`${PHASE_LABELS[phase.id]}: ${formatClock(c.phaseRemainingMs)} left in this phase`} data-testid="phase-clock">
          {formatClock(c.phaseRemainingMs)}
        </div>
        <div className="clock-sub">
          <span>{PHASE_LABELS[phase.id]}</span>
          <span className="muted" data-testid="total-clock">{formatClock(c.elapsedMs)} / {formatClock(c.totalPlanMs)}</span>
          {c.paused && <span className="pill paused">Paused</span>}
        </div>
        <div className="clock-actions">
          {c.paused ? (
            <button type="button" className="btn" onClick={() => resume()}>Resume</button>
          ) : (
            <button type="button" className="btn" onClick={() => pause()}>Pause</button>
          )}
          <button type="button" className="btn primary" onClick={() => advance(scenario)} disabled={last} title={last ? 'This is the last phase' : `Move on to ${PHASE_LABELS[attempt.phases[c.phaseIndex + 1]!.id]}`}>
            Next phase →
          </button>
          <button type="button" className="btn" onClick={() => finishRef.current?.showModal()}>Finish</button>
        </div>
      </div>
      <ol className="phase-strip" aria-label="Phases">
        {attempt.phases.map((p, i) => {
          const spent = c.phaseElapsedMs[i]!;
          const plan = c.phasePlanMs[i]!;
          const state = i < c.phaseIndex ? 'done' : i === c.phaseIndex ? 'current' : 'todo';
          return (
            <li key={p.id} className={`phase-seg ${state}${spent > plan ? ' over' : ''}`} style={{ flexGrow: p.minutes }} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="phase-fill" style={{ width: `${Math.min(100, (spent / plan) * 100)}%` }} />
              <span className="phase-name">{PHASE_LABELS[p.id]}</span>
              <span className="phase-time">{state === 'todo' ? `${p.minutes}m` : `${formatClock(spent)} / ${p.minutes}m`}</span>
              {attempt.checkpoints.includes(p.id) && <span className="phase-check" aria-label="checkpoint met">✓</span>}
            </li>
          );
        })}
      </ol>
      <div className="checkpoint">
        <label>
          <input type="checkbox" checked={attempt.checkpoints.includes(phase.id)} onChange={() => toggleCheckpoint(phase.id)} />
          <span><strong>Checkpoint:</strong> {EXIT_CRITERIA[phase.id]}</span>
        </label>
        {c.warning === 'strong' && <span className="warn-text" role="status">This phase is well over its time: wrap it up and move on.</span>}
        {nudge && <span className="warn-text" role="status">Twelve minutes in and the canvas is almost empty: running out of time is the most common failure. Sketch the high-level design now.</span>}
      </div>
      <dialog ref={finishRef} className="dialog" aria-labelledby="finish-title">
        <h2 id="finish-title">Finish the interview?</h2>
        <p className="muted">The clock stops and your design and notes are frozen for the debrief. {last ? '' : 'You have not reached the wrap-up yet.'}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => finishRef.current?.close()}>Keep going</button>
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              finishRef.current?.close();
              void finishInterview(scenario);
            }}
          >
            Finish and debrief
          </button>
        </div>
      </dialog>
    </div>
  );
}
