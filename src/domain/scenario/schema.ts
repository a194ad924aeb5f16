import { z } from 'zod';
import { isKnownKind } from '../catalog/components.ts';
import { designSchema } from '../design/schema.ts';
import { DIMENSION_IDS } from './rubric.ts';
import { GAP_IDS, PHASE_IDS, REQUIREMENT_TOPICS } from './vocabulary.ts';

export const SCENARIO_FORMAT = 'mlsd-scenario';
export const SCENARIO_VERSION = 1;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'ids are lower-case letters, digits and "-"');

/** A fact the candidate should draw out; revealed only when asked. */
export const requirementSchema = z.object({
  id: slug,
  topic: z.enum(REQUIREMENT_TOPICS),
  /** How the candidate would ask it, shown in the question list. */
  question: text(200),
  /** What the interviewer answers. */
  answer: text(600),
  /** Words that match a free-text question to this fact (lower case). */
  keywords: z.array(text(40)).min(1).max(20),
});

export const componentSchema = z.object({
  kind: z.string().refine(isKnownKind, { error: (iss) => `unknown component kind "${String(iss.input)}"` }),
  why: text(300),
});

export const followUpSchema = z.object({
  id: slug,
  question: text(400),
  dimension: z.enum(DIMENSION_IDS),
  /** The phase after which it fits best; without one it fits any phase from design onwards. */
  phase: z.enum(PHASE_IDS).optional(),
  /** Asked first when the design or notes have this gap. */
  when: z.enum(GAP_IDS).optional(),
  /** What a good answer covers, shown in the debrief. */
  lookFor: text(400),
});

// A source is a web page: `javascript:` and `data:` URLs parse as URLs too, and would run if ever shown as a link.
export const sourceSchema = z.object({
  title: text(200),
  url: z.string().url().max(400).refine((u) => /^https?:\/\//i.test(u), 'a source link must start with http:// or https://'),
});

export const trainingSchema = z.object({
  /** Parameters, billions. */
  paramsB: z.number().positive().max(10_000),
  /** Training tokens (or samples × tokens), billions. */
  tokensB: z.number().positive().max(1_000_000),
  hardware: text(40),
  gpus: z.number().int().min(1).max(100_000),
  /** Model FLOPs utilisation, 0–1. */
  mfu: z.number().gt(0).max(0.8),
  maxDays: z.number().positive().optional(),
  maxUsd: z.number().positive().optional(),
});

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    id: slug,
    title: text(120),
    summary: text(300),
    difficulty: z.enum(['medium', 'hard']),
    tags: z.array(text(40)).max(12),
    /** The prompt as an interviewer would say it. */
    prompt: text(1200),
    /** p99 budget of the online path, ms; the reference design must meet it. */
    latencyBudgetMs: z.number().positive().max(86_400_000),
    /** Share of positives when the problem is rare-class (fraud ≈ 0.001); accuracy is then a red flag. */
    positiveRate: z.number().gt(0).lt(1).optional(),
    /** Data that drifts in time: a random split leaks the future. */
    temporal: z.boolean().default(false),
    requirements: z.array(requirementSchema).min(5).max(40),
    components: z.array(componentSchema).min(4).max(40),
    tradeoffs: z.array(text(400)).min(2).max(20),
    pitfalls: z.array(text(400)).min(2).max(20),
    followUps: z.array(followUpSchema).min(5).max(40),
    /** A Socratic nudge per phase (the middle level of hints). */
    phaseHints: z.array(z.object({ phase: z.enum(PHASE_IDS), question: text(300) })).max(16).default([]),
    training: trainingSchema.optional(),
    referenceDesign: designSchema,
    sources: z.array(sourceSchema).min(1).max(20),
  })
  .superRefine((s, ctx) => {
    const unique = (list: { id: string }[], field: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id "${x.id}"` });
        seen.add(x.id);
      });
    };
    unique(s.requirements, 'requirements');
    unique(s.followUps, 'followUps');
    if (s.referenceDesign.scenarioId !== s.id) {
      ctx.addIssue({ code: 'custom', path: ['referenceDesign', 'scenarioId'], message: `the reference design must name this scenario ("${s.id}")` });
    }
    if (s.referenceDesign.workload.p99BudgetMs !== s.latencyBudgetMs) {
      ctx.addIssue({ code: 'custom', path: ['referenceDesign', 'workload', 'p99BudgetMs'], message: 'the reference design must carry the scenario latency budget' });
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type TrainingPlan = z.infer<typeof trainingSchema>;
