import { useEffect, useState } from 'react';
import type { RunStatus } from '../../state/benchStore.ts';

/** Progress of a run: the step, what is being measured, elapsed time, and a Cancel button. */
export function ProgressBar({ run, onCancel }: { run: Extract<RunStatus, { status: 'running' }>; onCancel: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const pct = run.total ? Math.round((run.step / run.total) * 100) : 0;
  return (
    <div className="bench-progress" role="status" data-testid="bench-progress">
      <div className="progress-block">
        <progress max={run.total} value={run.step} aria-label="Benchmark progress" />
        <span className="small tabular">{pct}%</span>
        <button type="button" className="btn" onClick={onCancel}>Cancel</button>
      </div>
      <p className="small muted">
        {run.phase === 'loading' ? 'Loading' : 'Timing'} <strong>{run.modelLabel}</strong> at batch {run.batch} · step {Math.min(run.step + 1, run.total)} of {run.total} · {Math.round((now - run.startedAt) / 1000)} s
      </p>
    </div>
  );
}
