/**
 * The rubric: seven dimensions scored 1–4, synthesised from public rubrics (Exponent's five signals,
 * interviewhandbook.io's weights, interviewing.io's 1–4 form). Anchors are our own wording.
 * Source notes: shared/reference/interview-content.md §1.
 */
export const DIMENSION_IDS = ['scoping', 'framing', 'data', 'modeling', 'serving', 'evaluation', 'communication'] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export interface Dimension {
  id: DimensionId;
  label: string;
  /** Share of the overall score; the weights sum to 1. */
  weight: number;
  weak: string;
  acceptable: string;
  strong: string;
}

export const DIMENSIONS: readonly Dimension[] = [
  {
    id: 'scoping', label: 'Problem scoping & requirements', weight: 0.15,
    weak: 'Starts drawing or naming models before asking anything; invents or skips scale and latency numbers.',
    acceptable: 'Asks about the goal, users, scale and latency and writes assumptions down.',
    strong: 'Turns the prompt into functional and non-functional requirements with numbers (users, peak QPS, p99, data volume, label delay), says what is out of scope, and is done in 5–8 minutes.',
  },
  {
    id: 'framing', label: 'ML framing & metrics', weight: 0.15,
    weak: 'Wrong task type, accuracy on a rare-class problem, or no online metric.',
    acceptable: 'Right task type and loss; an offline metric that fits the task; an online metric named.',
    strong: 'Links the business KPI to an online metric and an offline proxy, adds guardrail metrics, says where offline and online can disagree, and states a baseline.',
  },
  {
    id: 'data', label: 'Data, labels & features', weight: 0.2,
    weak: 'Assumes clean labelled data exists; uses features that cannot be computed at serving time.',
    acceptable: 'Names data sources, the label source, a few feature groups, and mentions imbalance.',
    strong: 'Explains where labels come from and how late they arrive, sampling, time-based splits and point-in-time joins, batch vs streaming features and training–serving parity.',
  },
  {
    id: 'modeling', label: 'Modeling & training', weight: 0.15,
    weak: 'Picks a fashionable model with no reason and no training plan.',
    acceptable: 'Goes from a baseline to a better model with some talk of trade-offs.',
    strong: 'Stages the system where needed (retrieval → ranking, cheap → expensive cascade), compares two options and decides, covers calibration, thresholds and retraining cadence.',
  },
  {
    id: 'serving', label: 'Serving, scale & reliability', weight: 0.15,
    weak: '"Deploy it behind an API": no latency budget, no failure story.',
    acceptable: 'Chooses online vs batch, caches, scales horizontally, does rough capacity maths.',
    strong: 'Splits the latency budget by stage, sizes the fleet (QPS, GPUs, storage), plans fallbacks and degraded modes, and states SLOs.',
  },
  {
    id: 'evaluation', label: 'Evaluation, rollout & monitoring', weight: 0.1,
    weak: 'Offline metric only; no monitoring.',
    acceptable: 'An A/B test plan; monitors latency and a model metric.',
    strong: 'Shadow → canary → A/B with guardrails and rollback; watches drift and delayed-label quality; has retraining triggers and feedback-loop mitigation.',
  },
  {
    id: 'communication', label: 'Communication & time management', weight: 0.1,
    weak: 'No structure; runs out of time before serving and monitoring.',
    acceptable: 'Follows a framework and checks in now and then.',
    strong: 'Signposts each phase, keeps to time, raises trade-offs unprompted, and ends with risks and next steps.',
  },
];

export function getDimension(id: DimensionId): Dimension {
  const d = DIMENSIONS.find((x) => x.id === id);
  if (!d) throw new Error(`unknown rubric dimension ${id}`);
  return d;
}

/** Overall outcome bands on the weighted 1–4 average (our proposal, not a published standard). */
export function outcomeBand(score: number): 'No hire' | 'Lean no' | 'Hire' | 'Strong hire' {
  if (score < 1.75) return 'No hire';
  if (score < 2.5) return 'Lean no';
  if (score < 3.25) return 'Hire';
  return 'Strong hire';
}
