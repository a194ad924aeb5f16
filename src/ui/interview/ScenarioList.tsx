import { useState } from 'react';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { openReference, start } from './attemptActions.ts';
import { StartDialog } from './StartDialog.tsx';

const fmtBudget = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** The scenario library as cards: read the prompt, start a mock, or study the reference design. */
export function ScenarioList({ scenarios, sources }: { scenarios: Scenario[]; sources?: ReadonlyMap<string, string> }) {
  const [starting, setStarting] = useState<Scenario | null>(null);
  return (
    <>
      <ul className="scenario-grid" aria-label="Scenarios">
        {scenarios.map((s) => (
          <li key={s.id} className="scenario-card" data-scenario={s.id}>
            <div className="scenario-head">
              <h3>{s.title}</h3>
              <span className={`pill diff-${s.difficulty}`}>{s.difficulty}</span>
            </div>
            <p className="scenario-summary">{s.summary}</p>
            {sources?.get(s.id) && sources.get(s.id) !== 'bundled' && <span className="scenario-source">From pack “{sources.get(s.id)}”</span>}
            <div className="scenario-meta">
              <span title="p99 latency budget of the online path">p99 ≤ {fmtBudget(s.latencyBudgetMs)}</span>
              {s.tags.slice(0, 4).map((t) => (
                <span key={t} className="tag">{t}</span>
              ))}
            </div>
            <div className="scenario-actions">
              <button type="button" className="btn primary small" onClick={() => setStarting(s)} aria-label={`Start a mock interview: ${s.title}`}>Start mock</button>
              <button type="button" className="btn small" onClick={() => void openReference(s)} aria-label={`Open the reference design of ${s.title}`}>Reference design</button>
            </div>
          </li>
        ))}
      </ul>
      {starting && <StartDialog scenario={starting} onClose={() => setStarting(null)} onStart={(f, phases) => void start(starting, f, phases)} />}
    </>
  );
}
