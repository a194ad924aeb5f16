import type { Attempt } from '../../domain/interview/attempt.ts';
import { clockAt } from '../../domain/interview/clock.ts';
import { HINT_COST, MAX_HINT_LEVEL } from '../../domain/interview/hints.ts';
import { getDimension } from '../../domain/scenario/rubric.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { PHASE_IDS, PHASE_LABELS } from '../../domain/scenario/vocabulary.ts';
import { setAnswered, takeHint } from '../../state/interviewStore.ts';
import { RequirementsPanel } from './RequirementsPanel.tsx';

/** The interviewer's side: the prompt, the facts you asked for, follow-up questions and hints. */
export function InterviewerPanel({ attempt, scenario, now }: { attempt: Attempt; scenario: Scenario; now: number }) {
  const phase = PHASE_IDS[clockAt(attempt.events, attempt.phases, now).phaseIndex]!;
  const phaseHints = attempt.hints.filter((h) => h.phase === phase);
  const nextLevel = phaseHints.length + 1;
  const followUps = [...attempt.followUps].reverse();
  return (
    <div className="interviewer">
      <section className="panel-section" aria-labelledby="prompt-title">
        <h2 id="prompt-title">Prompt</h2>
        <blockquote className="prompt">{scenario.prompt}</blockquote>
      </section>
      {followUps.length > 0 && (
        <section className="panel-section" aria-labelledby="fu-title">
          <h2 id="fu-title">Interviewer asks</h2>
          <ul className="followups" aria-label="Follow-up questions">
            {followUps.map((f, i) => (
              <li key={f.id} className={i === 0 ? "fresh" : undefined} data-followup={f.id} data-reason={f.reason ?? ""}>
                <p className="fu-q">{f.question}</p>
                <div className="fu-meta">
                  <span className="tag">{getDimension(f.dimension).label}</span>
                  <span className="muted">on entering {PHASE_LABELS[f.phase]}</span>
                  <label className="fu-done">
                    <input type="checkbox" checked={f.answered} onChange={(e) => setAnswered(f.id, e.target.checked)} /> answered
                  </label>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RequirementsPanel attempt={attempt} scenario={scenario} />
      <section className="panel-section" aria-labelledby="hint-title">
        <h2 id="hint-title">Hints</h2>
        {phaseHints.map((h) => (
          <p key={h.at} className={`hint level-${h.level}`}><strong>Level {h.level}.</strong> {h.text}</p>
        ))}
        {nextLevel <= MAX_HINT_LEVEL ? (
          <button type="button" className="btn small" onClick={() => takeHint(scenario)}>
            Hint {nextLevel} of {MAX_HINT_LEVEL} for this phase (−{HINT_COST[nextLevel as 1 | 2 | 3].toFixed(2)})
          </button>
        ) : (
          <p className="muted small">No more hints in this phase.</p>
        )}
      </section>
    </div>
  );
}
