import { useEffect, useRef, useState } from 'react';
import { customPhasesProblem, formatPhases, MAX_PHASE_MINUTES, MIN_PHASE_MINUTES, totalMinutes, type FormatId, type PhasePlan } from '../../domain/interview/formats.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { PHASE_LABELS } from '../../domain/scenario/vocabulary.ts';

/** Pick 45, 60 or custom minutes per phase, then start. */
export function StartDialog({ scenario, onStart, onClose }: { scenario: Scenario; onStart: (formatId: FormatId, phases: PhasePlan[]) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [formatId, setFormatId] = useState<FormatId>('45');
  const [custom, setCustom] = useState<PhasePlan[]>(() => formatPhases('45'));
  useEffect(() => ref.current?.showModal(), []);
  const phases = formatId === 'custom' ? custom : formatPhases(formatId);
  const problem = formatId === 'custom' ? customPhasesProblem(custom) : null;
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="start-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem) return;
          onStart(formatId, phases);
          ref.current?.close();
        }}
      >
        <h2 id="start-title">Mock interview: {scenario.title}</h2>
        <p className="muted small">The clock starts when you press Start. You can pause it; a reload or a closed laptop does not change it.</p>
        <fieldset className="format-choice">
          <legend className="sr-only">Length</legend>
          {(['45', '60', 'custom'] as const).map((f) => (
            <label key={f} className="radio-pill">
              <input type="radio" name="format" value={f} checked={formatId === f} onChange={() => setFormatId(f)} />
              {f === 'custom' ? 'Custom' : `${f} minutes`}
            </label>
          ))}
        </fieldset>
        <table className="phase-plan">
          <tbody>
            {phases.map((p, i) => (
              <tr key={p.id}>
                <td>{PHASE_LABELS[p.id]}</td>
                <td className="num">
                  {formatId === 'custom' ? (
                    <input
                      className="input minutes"
                      type="number"
                      min={MIN_PHASE_MINUTES}
                      max={MAX_PHASE_MINUTES}
                      value={p.minutes}
                      aria-label={`${PHASE_LABELS[p.id]} minutes`}
                      onChange={(e) => setCustom(custom.map((c, j) => (j === i ? { ...c, minutes: Math.round(Number(e.target.value)) } : c)))}
                    />
                  ) : (
                    `${p.minutes} min`
                  )}
                </td>
              </tr>
            ))}
            <tr className="total">
              <td>Total</td>
              <td className="num">{totalMinutes(phases)} min</td>
            </tr>
          </tbody>
        </table>
        {problem && <div className="field-error" role="alert">{problem}</div>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>Cancel</button>
          <button type="submit" className="btn primary" disabled={!!problem}>Start</button>
        </div>
      </form>
    </dialog>
  );
}
