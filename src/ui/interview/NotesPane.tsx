import { setNotes, useInterview } from '../../state/interviewStore.ts';

/** Free-form notes: assumptions, numbers, metrics. The automatic checks read them at the end. */
export function NotesPane() {
  const notes = useInterview((s) => s.attempt?.notes ?? '');
  return (
    <div className="notes-pane">
      <label htmlFor="notes" className="sr-only">Notes</label>
      <textarea
        id="notes"
        className="notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        placeholder={'Assumptions and numbers (users, peak QPS, p99 budget)…\nML objective, offline and online metrics, baseline…\nLabels, features, split…\nModel choice and why…\nServing, fallback, monitoring, rollout…'}
        spellCheck
      />
      <div className="notes-foot muted small">{notes.length.toLocaleString()} characters · saved automatically</div>
    </div>
  );
}
