import { PHASE_IDS, type PhaseId } from '../scenario/vocabulary.ts';

export interface PhasePlan {
  id: PhaseId;
  minutes: number;
}

export type FormatId = '45' | '60' | 'custom';

/** What a phase should leave behind: shown as the phase's checkpoint (interview-content.md §2.2). */
export const EXIT_CRITERIA: Record<PhaseId, string> = {
  clarify: 'A written list of assumptions with numbers: users, peak QPS, latency budget, data volume, label delay.',
  metrics: 'A one-line ML objective, an offline and an online metric, a guardrail and a baseline.',
  design: 'A diagram with all four loops: data in, training, serving, monitoring.',
  data: 'The label source and its delay, three feature groups, and how you split the data.',
  model: 'A chosen model, one rejected option with the reason, and how often it retrains.',
  serving: 'A latency budget per stage, the fleet size, and what happens when a part fails.',
  monitoring: 'A rollout plan (shadow, canary, A/B), drift checks and a retraining trigger.',
  wrapup: 'Two or three follow-ups answered, and a summary of risks and next steps.',
};

/** 45 minutes: about 40 of design plus intro and wrap-up (interview-content.md §2.2). */
const FORTY_FIVE: Record<PhaseId, number> = { clarify: 7, metrics: 4, design: 6, data: 8, model: 8, serving: 4, monitoring: 3, wrapup: 5 };
const SIXTY: Record<PhaseId, number> = { clarify: 10, metrics: 5, design: 8, data: 10, model: 10, serving: 6, monitoring: 5, wrapup: 6 };

export const FORMATS: readonly { id: Exclude<FormatId, 'custom'>; label: string; phases: PhasePlan[] }[] = [
  { id: '45', label: '45 minutes', phases: PHASE_IDS.map((id) => ({ id, minutes: FORTY_FIVE[id] })) },
  { id: '60', label: '60 minutes', phases: PHASE_IDS.map((id) => ({ id, minutes: SIXTY[id] })) },
];

export function formatPhases(id: Exclude<FormatId, 'custom'>): PhasePlan[] {
  return FORMATS.find((f) => f.id === id)!.phases.map((p) => ({ ...p }));
}

export const totalMinutes = (phases: readonly PhasePlan[]): number => phases.reduce((a, p) => a + p.minutes, 0);

export const MIN_PHASE_MINUTES = 1;
export const MAX_PHASE_MINUTES = 60;

/** A custom format keeps the phase order; each phase gets 1–60 whole minutes. Returns the problem, if any. */
export function customPhasesProblem(phases: readonly PhasePlan[]): string | null {
  if (phases.length !== PHASE_IDS.length || phases.some((p, i) => p.id !== PHASE_IDS[i])) return 'a custom format keeps every phase, in order';
  const bad = phases.find((p) => !Number.isInteger(p.minutes) || p.minutes < MIN_PHASE_MINUTES || p.minutes > MAX_PHASE_MINUTES);
  return bad ? `"${bad.id}" needs a whole number of minutes from ${MIN_PHASE_MINUTES} to ${MAX_PHASE_MINUTES}` : null;
}
