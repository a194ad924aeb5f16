import { attemptToMarkdown } from '../../domain/interview/markdown.ts';
import { fileBaseName } from '../../domain/design/format.ts';
import type { Attempt } from '../../domain/interview/attempt.ts';
import type { FormatId, PhasePlan } from '../../domain/interview/formats.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { startInterview } from '../../state/interviewStore.ts';
import { attemptsRepo } from '../../state/services.ts';
import { notify } from '../../state/workspaceStore.ts';
import { useScenarioLibrary } from '../../state/scenarioLibrary.ts';
import { navigate } from '../app/router.ts';
import { downloadText } from '../shared/files.ts';
import { createAndOpen } from '../library/libraryActions.ts';

export async function start(scenario: Scenario, formatId: FormatId, phases: PhasePlan[]): Promise<void> {
  try {
    const id = await startInterview(scenario, formatId, phases);
    navigate(`/interview/${encodeURIComponent(id)}`);
  } catch (err) {
    notify(`Could not start the interview: ${err instanceof Error ? err.message : String(err)}`, 'error', undefined, 0);
  }
}

/** A copy of the reference design in the library, so studying it never changes the scenario. */
export const openReference = (s: Scenario) => createAndOpen(structuredClone(s.referenceDesign));

export function exportMarkdown(a: Attempt): void {
  const all = useScenarioLibrary.getState().scenarios;
  const md = attemptToMarkdown(a, all.find((s) => s.id === a.scenarioId), all);
  const day = new Date(a.createdAt).toISOString().slice(0, 10);
  downloadText(`${fileBaseName(a.scenarioTitle)} mock ${day}.md`, md, 'text/markdown');
}

export async function deleteAttempt(a: Attempt): Promise<void> {
  const removed = await attemptsRepo().remove(a.id);
  if (removed) notify(`Deleted the attempt at "${a.scenarioTitle}".`, 'info', { label: 'Undo', run: () => void attemptsRepo().restore(removed) }, 10_000);
}
