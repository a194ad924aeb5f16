import { useScenarios } from './useScenarios.ts';
import { ScenarioList } from './ScenarioList.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import './interview.css';

/** /interview: pick a scenario, start a timed mock, and see past attempts. */
export default function InterviewHome() {
  const lib = useScenarios();
  return (
    <div className="page interview-home">
      <div className="page-head">
        <h1>Mock interviews</h1>
      </div>
      <p className="muted lead">
        Timed phases, an interviewer who asks what your design still lacks, hints that cost a little, and a debrief against
        a seven-dimension rubric. Requirements are revealed only when you ask for them.
      </p>
      {lib.status !== 'ready' && <p className="muted" role="status">Loading scenarios…</p>}
      {lib.problems.map((p) => (
        <div key={p.file} className="error-box" role="alert">Scenario file {p.file} was not loaded: {p.message}</div>
      ))}
      {lib.status === 'ready' && <ScenarioList scenarios={lib.scenarios} />}
      <HistoryPanel />
    </div>
  );
}
