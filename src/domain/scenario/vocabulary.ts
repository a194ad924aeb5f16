/** Words shared by scenarios and the mock interview: phases of an interview and the gaps a design can have. */

/** Interview phases in order (interview-content.md §2.2). */
export const PHASE_IDS = ['clarify', 'metrics', 'design', 'data', 'model', 'serving', 'monitoring', 'wrapup'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const PHASE_LABELS: Record<PhaseId, string> = {
  clarify: 'Clarify requirements',
  metrics: 'Scope & metrics',
  design: 'High-level design',
  data: 'Data & features',
  model: 'Model',
  serving: 'Serving & scale',
  monitoring: 'Evaluation & monitoring',
  wrapup: 'Wrap-up',
};

/**
 * What a design or the candidate's notes can still lack. Follow-up questions name the gap that
 * makes them worth asking; src/domain/interview/gaps.ts decides which gaps are present.
 */
export const GAP_IDS = [
  'no-monitoring', // no metrics, alerting or drift node
  'no-drift', // nothing watches feature or prediction drift
  'no-retraining', // no training cluster or scheduler: the model never refreshes
  'no-cache', // nothing absorbs hot keys or repeated requests
  'no-feature-store', // online features have no home
  'no-queue', // no durable log between producers and consumers
  'no-registry', // models are not versioned
  'no-rollout', // no A/B router or canary
  'no-human-review', // no people in the loop for uncertain cases or labels
  'over-budget', // the capacity engine puts p99 over the budget, or a node saturates
  'no-latency-number', // the notes never state a latency in ms
  'no-baseline', // the notes never name a baseline
  'no-metric', // the notes name no offline metric
  'accuracy-on-rare', // accuracy used for a rare-class problem
  'no-split', // no time-based split for data that changes over time
  'no-fallback', // no fallback or degraded mode
] as const;
export type GapId = (typeof GAP_IDS)[number];

export const REQUIREMENT_TOPICS = ['functional', 'scale', 'latency', 'data', 'labels', 'constraints'] as const;
export type RequirementTopic = (typeof REQUIREMENT_TOPICS)[number];
