import { create } from 'zustand';
import { storageErrorMessage } from '../storage/errors.ts';
import type { Attempt } from '../domain/interview/attempt.ts';
import type { FormatId, PhasePlan } from '../domain/interview/formats.ts';
import { detectGaps } from '../domain/interview/gaps.ts';
import * as session from '../domain/interview/session.ts';
import { emptyDesign } from '../domain/design/ops.ts';
import type { Design } from '../domain/design/schema.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import type { RequirementMatch } from '../domain/interview/requirements.ts';
import { newId } from '../storage/ids.ts';
import { attemptsRepo, designsRepo, TAB_ID } from './services.ts';
import { flushSave } from './autosave.ts';
import { notify, selectDesign, useWorkspace } from './workspaceStore.ts';

interface InterviewState {
  attempt: Attempt | null;
  /** The last free-text question and what it matched, for the Q&A feedback line. */
  lastAsk: { text: string; match: RequirementMatch | null; others: RequirementMatch[] } | null;
}

export const useInterview = create<InterviewState>(() => ({ attempt: null, lastAsk: null }));

const get = useInterview.getState;
const set = useInterview.setState;

// Stands in for the clock in tests of the store; the page passes Date.now().
const now = () => Date.now();

async function persist(a: Attempt): Promise<void> {
  try {
    await attemptsRepo().put(a);
  } catch (err) {
    // The attempt stays in memory; the next step of the interview tries again.
    notify(storageErrorMessage('Could not save the interview', err), 'error', undefined, 0);
  }
}

function update(fn: (a: Attempt) => Attempt): Attempt | null {
  const a = get().attempt;
  if (!a) return null;
  const next = fn(a);
  if (next === a) return a;
  set({ attempt: next });
  void persist(next);
  return next;
}

/** The candidate's design right now: the open canvas, or the frozen snapshot once finished. */
export function currentDesign(): Design | null {
  return selectDesign(useWorkspace.getState()) ?? get().attempt?.designSnapshot ?? null;
}

function gapsNow(scenario: Scenario) {
  const a = get().attempt;
  const design = currentDesign();
  if (!a || !design) return null;
  return detectGaps({ design, notes: a.notes, scenario });
}

/** Create the candidate's design and the attempt, both stored before the clock is shown. */
export async function startInterview(scenario: Scenario, formatId: FormatId, phases: PhasePlan[]): Promise<string> {
  const started = now();
  const day = new Date(started).toISOString().slice(0, 10);
  const design: Design = { ...emptyDesign(`Mock: ${scenario.title} (${day})`), scenarioId: scenario.id };
  const designId = await designsRepo().create(design, TAB_ID);
  const seed = Math.floor(Math.random() * 2 ** 32);
  const attempt = session.newAttempt({ id: newId(), scenario, formatId, phases, seed, designId, now: started });
  await attemptsRepo().put(attempt);
  return attempt.id;
}

export function setAttempt(a: Attempt | null): void {
  set({ attempt: a, lastAsk: null });
}

export const pause = () => update((a) => session.pause(a, now()));
export const resume = () => update((a) => session.resume(a, now()));
export const toggleCheckpoint = (phase: Parameters<typeof session.toggleCheckpoint>[1]) => update((a) => session.toggleCheckpoint(a, phase));
export const setAnswered = (id: string, answered: boolean) => update((a) => session.setAnswered(a, id, answered));
export const askRequirement = (id: string, text: string) => update((a) => session.askRequirement(a, id, text, now()));

export function askFreeText(scenario: Scenario, text: string): void {
  const a = get().attempt;
  if (!a) return;
  const r = session.askFreeText(a, scenario, text, now());
  set({ lastAsk: { text: text.trim(), match: r.match, others: r.others } });
  if (r.attempt !== a) {
    set({ attempt: r.attempt });
    void persist(r.attempt);
  }
}

export function advance(scenario: Scenario): void {
  const report = gapsNow(scenario);
  update((a) => session.advance(a, scenario, report?.gaps ?? new Set(), now()));
}

export function takeHint(scenario: Scenario): void {
  const report = gapsNow(scenario);
  const design = currentDesign();
  if (!report || !design) return;
  update((a) => session.takeHint(a, scenario, design, report.gaps, now()));
}

let notesTimer: ReturnType<typeof setTimeout> | undefined;
/** Notes change on every key press: keep them in memory at once, write them a moment later. */
export function setNotes(notes: string): void {
  const a = get().attempt;
  if (!a) return;
  const next = session.setNotes(a, notes);
  set({ attempt: next });
  if (notesTimer) clearTimeout(notesTimer);
  notesTimer = setTimeout(() => void persist(get().attempt ?? next), 400);
}

export async function flushNotes(): Promise<void> {
  if (!notesTimer) return;
  clearTimeout(notesTimer);
  notesTimer = undefined;
  const a = get().attempt;
  if (a) await persist(a);
}

export async function finishInterview(scenario: Scenario): Promise<void> {
  await flushSave();
  const report = gapsNow(scenario);
  const design = currentDesign();
  if (!report || !design) return;
  if (notesTimer) clearTimeout(notesTimer);
  update((a) => session.finish(a, scenario, design, report, now()));
}

export const selfAssess = (dimension: Parameters<typeof session.selfAssess>[1], score: 1 | 2 | 3 | 4) => update((a) => session.selfAssess(a, dimension, score));
