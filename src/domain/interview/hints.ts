import { getKind } from '../catalog/components.ts';
import type { Design } from '../design/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { PHASE_IDS, type GapId, type PhaseId } from '../scenario/vocabulary.ts';
import type { Attempt } from './attempt.ts';
import { EXIT_CRITERIA } from './formats.ts';
import { GAP_INFO } from './gaps.ts';

export const MAX_HINT_LEVEL = 3;
/** Score cost per hint, by level: naming a gap is cheap, handing over the checklist is not. */
export const HINT_COST: Record<1 | 2 | 3, number> = { 1: 0.05, 2: 0.1, 3: 0.15 };

const GENERIC_QUESTION: Record<PhaseId, string> = {
  clarify: 'Which single number would most change your design if it were ten times bigger?',
  metrics: 'How would you know, a month after launch, that this worked?',
  design: 'Follow one request from the user to the prediction and back: what does it touch?',
  data: 'Where does the label come from, and when does it arrive?',
  model: 'What would you ship in the first week, before the fancy model?',
  serving: 'Where does the time go in one request, stage by stage?',
  monitoring: 'What tells you, without a user complaining, that the model got worse?',
  wrapup: 'What is the biggest risk left in your design?',
};

/**
 * Hints in three levels per phase (interview-content.md §6): 1 names what is missing, 2 asks a
 * Socratic question, 3 shows a checklist item. Returns null once the phase's hints are used up.
 */
export function nextHint(o: { attempt: Attempt; scenario: Scenario; design: Design; gaps: ReadonlySet<GapId>; phase: PhaseId }): { level: 1 | 2 | 3; text: string } | null {
  const used = o.attempt.hints.filter((h) => h.phase === o.phase).length;
  if (used >= MAX_HINT_LEVEL) return null;
  const level = (used + 1) as 1 | 2 | 3;
  if (level === 1) {
    const upTo = PHASE_IDS.indexOf(o.phase);
    const relevant = [...o.gaps].filter((g) => PHASE_IDS.indexOf(GAP_INFO[g].phase) <= upTo);
    const here = relevant.find((g) => GAP_INFO[g].phase === o.phase) ?? relevant[0];
    return { level, text: here ? GAP_INFO[here].text : `Nothing obvious is missing yet. Checkpoint: ${EXIT_CRITERIA[o.phase]}` };
  }
  if (level === 2) {
    const q = o.scenario.phaseHints.find((h) => h.phase === o.phase)?.question ?? GENERIC_QUESTION[o.phase];
    return { level, text: q };
  }
  const kinds = new Set(o.design.nodes.map((n) => n.kind));
  const missing = o.scenario.components.find((c) => !kinds.has(c.kind));
  const item = missing ? ` A strong answer includes a ${getKind(missing.kind)?.label ?? missing.kind}: ${missing.why}` : '';
  return { level, text: `Checklist: ${EXIT_CRITERIA[o.phase]}${item}` };
}

export const hintPenalty = (a: Pick<Attempt, 'hints'>): number => a.hints.reduce((s, h) => s + HINT_COST[h.level as 1 | 2 | 3], 0);
