import { getDb } from '../../storage/db.ts';
import { AttemptsRepo } from '../../storage/attemptsRepo.ts';
import { progressSeries } from '../../domain/interview/debrief.ts';
import { scoreAttempt } from '../../domain/interview/scoring.ts';
import { isFinished } from '../../domain/interview/session.ts';
import { DIMENSIONS } from '../../domain/scenario/rubric.ts';
import { useLive } from '../shared/useLive.ts';
import { XYChart } from '../shared/XYChart.tsx';
import { Link } from '../app/Link.tsx';
import { relativeTime } from '../library/relativeTime.ts';
import { deleteAttempt, exportMarkdown } from './attemptActions.ts';

/** Every attempt, newest first, and the self-assessed score per rubric dimension over time. */
export function HistoryPanel() {
  const { value: entries, error } = useLive(() => new AttemptsRepo(getDb()).list(), []);
  if (error) return <div className="error-box" role="alert">Could not read your interview history: {String(error)}</div>;
  if (!entries) return <p className="muted" role="status">Loading history…</p>;
  const attempts = entries.flatMap((e) => (e.attempt ? [e.attempt] : []));
  const broken = entries.filter((e) => e.problem);
  const series = progressSeries(attempts);
  const scored = new Set(series.flatMap((s) => s.points.map((p) => p.at)));
  const order = [...scored].sort((a, b) => a - b);
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">History</h2>
      {attempts.length === 0 && <p className="muted">No attempts yet. Start a mock interview above; each one is kept here with its design, notes and scores.</p>}
      {order.length >= 1 && (
        <XYChart
          title="Progress by rubric dimension"
          xLabel="attempt"
          yLabel="self-assessed score (1–4)"
          testId="progress-chart"
          series={series.filter((s) => s.points.length).map((s) => {
            const points = s.points.map((p) => ({ x: order.indexOf(p.at) + 1, y: p.score }));
            return { label: DIMENSIONS.find((d) => d.id === s.id)!.label, points, line: points };
          })}
        />
      )}
      {attempts.length > 0 && (
        <table className="est-table history-table">
          <thead>
            <tr><th>Scenario</th><th>When</th><th>Format</th><th>Status</th><th className="num">Score</th><th aria-label="Actions" /></tr>
          </thead>
          <tbody>
            {attempts.map((a) => {
              const score = scoreAttempt(a);
              const done = isFinished(a);
              return (
                <tr key={a.id} data-attempt={a.id}>
                  <td><Link href={`/interview/${encodeURIComponent(a.id)}`}>{a.scenarioTitle}</Link></td>
                  <td>{relativeTime(a.createdAt)}</td>
                  <td>{a.formatId === 'custom' ? 'custom' : `${a.formatId} min`}</td>
                  <td>{done ? 'finished' : 'in progress'}</td>
                  <td className="num">{score.final !== null ? `${score.final.toFixed(2)} · ${score.band}` : score.scored ? `${score.scored} of 7 scored` : '–'}</td>
                  <td className="row-actions">
                    <Link className="btn small" href={`/interview/${encodeURIComponent(a.id)}`}>{done ? 'Debrief' : 'Resume'}</Link>
                    <button type="button" className="btn small" onClick={() => exportMarkdown(a)} aria-label={`Export ${a.scenarioTitle} attempt as Markdown`}>Markdown</button>
                    <button type="button" className="btn small ghost danger" onClick={() => void deleteAttempt(a)} aria-label={`Delete ${a.scenarioTitle} attempt`}>Delete</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {broken.length > 0 && <p className="muted small">{broken.length} stored attempt(s) could not be read and are kept untouched: {broken[0]!.problem}</p>}
    </section>
  );
}
