import { useState } from 'react';
import type { Attempt } from '../../domain/interview/attempt.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { askFreeText, askRequirement, useInterview } from '../../state/interviewStore.ts';

/** Ask the interviewer for facts: type a question or pick one. Answers are revealed and logged. */
export function RequirementsPanel({ attempt, scenario }: { attempt: Attempt; scenario: Scenario }) {
  const [text, setText] = useState('');
  const lastAsk = useInterview((s) => s.lastAsk);
  const asked = new Set(attempt.asked.map((q) => q.requirementId));
  const open = scenario.requirements.filter((r) => !asked.has(r.id));
  const byId = new Map(scenario.requirements.map((r) => [r.id, r]));
  return (
    <section className="panel-section" aria-labelledby="req-title">
      <h2 id="req-title">Requirements</h2>
      <form
        className="ask-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          askFreeText(scenario, text);
          setText('');
        }}
      >
        <input className="input" value={text} onChange={(e) => setText(e.target.value)} placeholder="Ask, e.g. “what is the peak QPS?”" aria-label="Ask the interviewer a question" maxLength={400} />
        <button type="submit" className="btn small" disabled={!text.trim()}>Ask</button>
      </form>
      {lastAsk && !lastAsk.match && (
        <p className="ask-miss" role="status">
          “{lastAsk.text}” — the interviewer has nothing to add there. Try asking about scale, latency, data, labels or constraints.
        </p>
      )}
      {attempt.asked.length > 0 && (
        <ol className="qa-list" aria-label="Answers so far">
          {attempt.asked.map((q) => (
            <li key={q.requirementId} className={lastAsk?.match?.requirement.id === q.requirementId ? 'fresh' : undefined}>
              <div className="qa-q">{q.text}</div>
              <div className="qa-a">{byId.get(q.requirementId)?.answer ?? '(no longer in this scenario)'}</div>
            </li>
          ))}
        </ol>
      )}
      {open.length > 0 && (
        <details className="ask-list">
          <summary>Or pick a question ({open.length} left)</summary>
          <ul>
            {open.map((r) => (
              <li key={r.id}>
                <button type="button" className="linkish" onClick={() => askRequirement(r.id, r.question)}>
                  <span className={`topic topic-${r.topic}`}>{r.topic}</span> {r.question}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
