import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { attemptsRepo, designsRepo } from '../../state/services.ts';
import { flushNotes, setAttempt, useInterview } from '../../state/interviewStore.ts';
import { flushSave } from '../../state/autosave.ts';
import { closeDesign, openDesign } from '../../state/workspaceStore.ts';
import { watchProfiles } from '../../state/profilesStore.ts';
import { isFinished } from '../../domain/interview/session.ts';
import { ProblemPage } from '../shared/ProblemPage.tsx';
import { useScenarios } from './useScenarios.ts';
import { InterviewRoom } from './InterviewRoom.tsx';
import { DebriefPage } from './DebriefPage.tsx';
import './interview.css';

type Load = { kind: 'loading' } | { kind: 'ready' } | { kind: 'problem'; title: string; text: string };

/** /interview/:id — the live interview while it runs, the debrief once it is finished. */
export default function AttemptPage({ id }: { id: string }) {
  const lib = useScenarios();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const attempt = useInterview((s) => s.attempt);

  useEffect(() => {
    let cancelled = false;
    watchProfiles();
    (async () => {
      const entry = await attemptsRepo().get(id);
      if (cancelled) return;
      if (!entry) return setLoad({ kind: 'problem', title: 'Attempt not found', text: 'It may have been deleted, or it was saved in another browser profile.' });
      if (!entry.attempt) return setLoad({ kind: 'problem', title: 'This attempt cannot be opened', text: entry.problem ?? 'It does not validate.' });
      const a = entry.attempt;
      if (!isFinished(a)) {
        const loaded = await designsRepo().load(a.designId);
        if (cancelled) return;
        if (!loaded || !loaded.result.ok) return setLoad({ kind: 'problem', title: 'The design of this interview is gone', text: loaded && !loaded.result.ok ? loaded.result.message : 'Its design was deleted from the Library, so the interview cannot go on.' });
        openDesign(a.designId, loaded.result.value, loaded.record.rev, loaded.record.viewport ?? null);
      }
      setAttempt(a);
      setLoad({ kind: 'ready' });
    })().catch((err: unknown) => !cancelled && setLoad({ kind: 'problem', title: 'This attempt cannot be opened', text: err instanceof Error ? err.message : String(err) }));
    return () => {
      cancelled = true;
      void flushNotes();
      void flushSave().finally(() => {
        closeDesign();
        setAttempt(null);
      });
    };
  }, [id]);

  if (load.kind === 'problem') {
    return <ProblemPage title={load.title} text={load.text} backHref="/interview" backLabel="Back to interviews" />;
  }
  if (load.kind === 'loading' || lib.status !== 'ready' || !attempt || attempt.id !== id) return <div className="page muted" role="status">Opening interview…</div>;
  const scenario = lib.scenarios.find((s) => s.id === attempt.scenarioId);
  if (isFinished(attempt)) return <DebriefPage attempt={attempt} scenario={scenario} all={lib.scenarios} />;
  if (!scenario) {
    return <ProblemPage title={`Scenario "${attempt.scenarioId}" is not available`} text="This interview was started on a scenario this version of the app does not have." backHref="/interview" backLabel="Back to interviews" />;
  }
  return (
    <ReactFlowProvider>
      <InterviewRoom scenario={scenario} />
    </ReactFlowProvider>
  );
}
