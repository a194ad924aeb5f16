import type { Attempt } from '../../domain/interview/attempt.ts';
import { DIMENSIONS } from '../../domain/scenario/rubric.ts';
import { selfAssess } from '../../state/interviewStore.ts';

const LEVELS = [1, 2, 3, 4] as const;
const LEVEL_NAMES: Record<(typeof LEVELS)[number], string> = { 1: 'weak', 2: 'acceptable −', 3: 'acceptable / strong', 4: 'very strong' };

/** Score yourself 1–4 on each rubric dimension, with what weak, acceptable and strong look like. */
export function SelfAssessment({ attempt }: { attempt: Attempt }) {
  const checks = attempt.result?.checks ?? [];
  return (
    <div className="self-assess">
      {DIMENSIONS.map((d) => {
        const value = attempt.selfAssessment?.[d.id];
        const flags = checks.filter((c) => c.dimension === d.id);
        return (
          <fieldset key={d.id} className="dim" data-dimension={d.id}>
            <legend>
              {d.label} <span className="muted small">({Math.round(d.weight * 100)}%)</span>
            </legend>
            <div className="dim-levels" role="radiogroup" aria-label={d.label}>
              {LEVELS.map((l) => (
                <label key={l} className={`level-pill${value === l ? ' on' : ''}`} title={LEVEL_NAMES[l]}>
                  <input type="radio" name={`dim-${d.id}`} value={l} checked={value === l} onChange={() => selfAssess(d.id, l)} aria-label={`${d.label}: ${l} (${LEVEL_NAMES[l]})`} />
                  {l}
                </label>
              ))}
            </div>
            <dl className="anchors">
              <dt>Weak</dt><dd>{d.weak}</dd>
              <dt>Acceptable</dt><dd>{d.acceptable}</dd>
              <dt>Strong</dt><dd>{d.strong}</dd>
            </dl>
            {flags.length > 0 && (
              <ul className="dim-flags" aria-label={`Automatic flags for ${d.label}`}>
                {flags.map((f) => <li key={f.id}>⚑ {f.text}</li>)}
              </ul>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
