import { useState } from 'react';
import type { Attempt } from '../../domain/interview/attempt.ts';
import { formatClock } from '../../domain/interview/clock.ts';
import { buildDebrief } from '../../domain/interview/debrief.ts';
import { getDimension } from '../../domain/scenario/rubric.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { PHASE_LABELS } from '../../domain/scenario/vocabulary.ts';
import { Link } from '../app/Link.tsx';
import { exportMarkdown, start } from './attemptActions.ts';
import { DesignPreview } from './DesignPreview.tsx';
import { SelfAssessment } from './SelfAssessment.tsx';
import { StartDialog } from './StartDialog.tsx';

/** After the interview: time per phase against the plan, checks, follow-ups, rubric and what to practise next. */
export function DebriefPage({ attempt, scenario, all }: { attempt: Attempt; scenario: Scenario | undefined; all: Scenario[] }) {
  const d = buildDebrief(attempt, scenario, all);
  const [again, setAgain] = useState<Scenario | null>(null);
  const maxMs = Math.max(...d.phases.map((p) => Math.max(p.planMs, p.spentMs)), 1);
  const r = attempt.result;
  const suggested = d.suggestion?.scenarioId ? all.find((s) => s.id === d.suggestion!.scenarioId) : undefined;
  return (
    <div className="page debrief">
      <div className="page-head">
        <h1>Debrief: {attempt.scenarioTitle}</h1>
        <button type="button" className="btn" onClick={() => exportMarkdown(attempt)}>Export Markdown</button>
        {scenario && <button type="button" className="btn" onClick={() => setAgain(scenario)}>Practise again</button>}
        <Link href="/interview" className="btn">All interviews</Link>
      </div>
      <p className="muted">
        {new Date(attempt.createdAt).toLocaleString()} · {attempt.formatId === 'custom' ? 'custom format' : `${attempt.formatId} minutes`} · read-only
      </p>

      <section className="debrief-summary" aria-label="Score">
        <div className="metric">
          <div className="metric-label">Score</div>
          <div className="metric-value" data-testid="final-score">{d.score.final === null ? '–' : d.score.final.toFixed(2)}</div>
          <div className="metric-sub">{d.score.band ?? `${d.score.scored} of 7 dimensions scored below`}</div>
        </div>
        <div className="metric">
          <div className="metric-label">Hints</div>
          <div className="metric-value">{attempt.hints.length}</div>
          <div className="metric-sub">−{d.score.hintPenalty.toFixed(2)} on the score</div>
        </div>
        <div className="metric">
          <div className="metric-label">Time</div>
          <div className="metric-value">{formatClock(d.totalSpentMs)}</div>
          <div className="metric-sub">of {formatClock(d.totalPlanMs)} planned</div>
        </div>
        <div className="metric">
          <div className="metric-label">p99 at the scenario's peak</div>
          <div className={`metric-value${r && (r.saturated || (r.p99Ms ?? 0) > r.budgetMs) ? ' bad-text' : ''}`}>{!r ? '–' : r.saturated ? 'saturated' : r.p99Ms === null ? 'n/a' : `${r.p99Ms < 10 ? r.p99Ms.toFixed(1) : Math.round(r.p99Ms)} ms`}</div>
          <div className="metric-sub">budget {r?.budgetMs ?? '–'} ms</div>
        </div>
      </section>

      {d.suggestion && (
        <div className="suggestion" role="note">
          <strong>Next:</strong> {d.suggestion.text}
          {suggested && (
            <> <button type="button" className="linkish" onClick={() => setAgain(suggested)}>Try “{suggested.title}”.</button></>
          )}
        </div>
      )}

      <section aria-labelledby="time-title">
        <h2 id="time-title">Time per phase</h2>
        <div className="time-bars" role="table" aria-label="Time per phase against the plan">
          {d.phases.map((p) => (
            <div key={p.id} className="time-row" role="row">
              <span role="cell" className="time-label">{p.label}{p.checkpoint ? ' ✓' : ''}</span>
              <span role="cell" className="time-track">
                <span className="time-plan" style={{ width: `${(p.planMs / maxMs) * 100}%` }} />
                <span className={`time-spent${p.spentMs > p.planMs * 1.2 ? ' over' : ''}`} style={{ width: `${(p.spentMs / maxMs) * 100}%` }} />
              </span>
              <span role="cell" className="time-value">{formatClock(p.spentMs)} / {formatClock(p.planMs)}</span>
            </div>
          ))}
        </div>
        <p className="muted small">Grey: the plan. Blue: time spent (red when over by more than 20%).</p>
      </section>

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">Automatic checks</h2>
        {r && r.checks.length > 0 ? (
          <ul className="checks" data-testid="checks">
            {r.checks.map((c) => <li key={c.id}><span className="tag">{getDimension(c.dimension).label}</span> {c.text}</li>)}
          </ul>
        ) : (
          <p className="muted">No flags: every automatic check passed.</p>
        )}
      </section>

      <section aria-labelledby="self-title">
        <h2 id="self-title">Self-assessment</h2>
        <p className="muted small">Score each dimension 1–4. Automatic flags sit next to the dimension they concern.</p>
        <SelfAssessment attempt={attempt} />
      </section>

      <section aria-labelledby="fu-debrief-title">
        <h2 id="fu-debrief-title">Follow-up questions</h2>
        {attempt.followUps.length === 0 && <p className="muted">The interviewer asked nothing: follow-ups come when you move on to data, model, serving, monitoring and the wrap-up.</p>}
        <ul className="debrief-fu">
          {attempt.followUps.map((f) => (
            <li key={f.id} className={f.answered ? 'ok' : 'missed'}>
              <div><span aria-label={f.answered ? 'answered' : 'not answered'}>{f.answered ? '✓' : '○'}</span> {f.question} <span className="muted small">({PHASE_LABELS[f.phase]})</span></div>
              <div className="muted small">Look for: {f.lookFor}</div>
            </li>
          ))}
        </ul>
      </section>

      <div className="debrief-cols">
        <section aria-labelledby="req-debrief-title">
          <h2 id="req-debrief-title">Requirements</h2>
          <ul className="debrief-req">
            {d.requirements.map((q) => (
              <li key={q.id} className={q.asked ? 'ok' : 'missed'}>
                <div>{q.asked ? '✓' : '○'} {q.question}</div>
                <div className="muted small">{q.answer}</div>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="comp-title">
          <h2 id="comp-title">Key components</h2>
          <ul className="debrief-req">
            {d.components.map((c) => (
              <li key={c.kind} className={c.present ? 'ok' : 'missed'}>
                <div>{c.present ? '✓' : '○'} {c.label}</div>
                <div className="muted small">{c.why}</div>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="design-title">
        <h2 id="design-title">Your design</h2>
        {attempt.designSnapshot ? <DesignPreview design={attempt.designSnapshot} /> : <p className="muted">No design was saved with this attempt.</p>}
      </section>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">Your notes</h2>
        <pre className="notes-readonly">{attempt.notes.trim() || 'No notes.'}</pre>
      </section>
      {again && <StartDialog scenario={again} onClose={() => setAgain(null)} onStart={(f, phases) => void start(again, f, phases)} />}
    </div>
  );
}
