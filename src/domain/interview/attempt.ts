import { z } from 'zod';
import { designSchema } from '../design/schema.ts';
import { DIMENSION_IDS } from '../scenario/rubric.ts';
import { GAP_IDS, PHASE_IDS } from '../scenario/vocabulary.ts';
import { readVersioned, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';

export const ATTEMPT_FORMAT = 'mlsd-attempt';
export const ATTEMPT_VERSION = 1;

const at = z.number().finite().min(0);
const score = z.number().int().min(1).max(4);

export const clockEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), at }),
  z.object({ type: z.literal('pause'), at }),
  z.object({ type: z.literal('resume'), at }),
  z.object({ type: z.literal('advance'), at }),
  z.object({ type: z.literal('finish'), at }),
]);

export const askedFollowUpSchema = z.object({
  id: z.string().max(80),
  question: z.string().max(600),
  dimension: z.enum(DIMENSION_IDS),
  lookFor: z.string().max(600),
  source: z.enum(['scenario', 'bank']),
  reason: z.enum(GAP_IDS).nullable(),
  phase: z.enum(PHASE_IDS),
  at,
  answered: z.boolean(),
});

export const checkSchema = z.object({ id: z.string().max(60), dimension: z.enum(DIMENSION_IDS), text: z.string().max(400) });

/** One mock interview: everything the clock, the debrief and the history need, in one stored document. */
export const attemptSchema = z.object({
  format: z.literal(ATTEMPT_FORMAT),
  version: z.literal(ATTEMPT_VERSION),
  id: z.string().min(1).max(80),
  scenarioId: z.string().max(80),
  scenarioTitle: z.string().max(200),
  formatId: z.enum(['45', '60', 'custom']),
  phases: z.array(z.object({ id: z.enum(PHASE_IDS), minutes: z.number().int().min(1).max(60) })).length(PHASE_IDS.length),
  /** Seeds the interviewer's choices, so a reload replays them and another attempt differs. */
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  /** The design the candidate draws in (a normal design in the library). */
  designId: z.string().max(80),
  createdAt: at,
  events: z.array(clockEventSchema).max(2000),
  asked: z.array(z.object({ requirementId: z.string().max(80), text: z.string().max(400), at })).max(200),
  unmatched: z.array(z.object({ text: z.string().max(400), at })).max(200),
  hints: z.array(z.object({ phase: z.enum(PHASE_IDS), level: z.number().int().min(1).max(3), text: z.string().max(600), at })).max(100),
  followUps: z.array(askedFollowUpSchema).max(100),
  checkpoints: z.array(z.enum(PHASE_IDS)).max(PHASE_IDS.length),
  notes: z.string().max(200_000),
  finishedAt: at.optional(),
  /** Frozen at the end: the attempt can be reopened read-only even if the design is edited or deleted later. */
  designSnapshot: designSchema.optional(),
  result: z
    .object({
      p99Ms: z.number().nullable(),
      budgetMs: z.number(),
      saturated: z.boolean(),
      gaps: z.array(z.enum(GAP_IDS)),
      checks: z.array(checkSchema),
    })
    .optional(),
  selfAssessment: z.partialRecord(z.enum(DIMENSION_IDS), score).optional(),
});

export type Attempt = z.infer<typeof attemptSchema>;
export type AskedFollowUp = z.infer<typeof askedFollowUpSchema>;
export type AutoCheck = z.infer<typeof checkSchema>;

export const attemptSpec: VersionedSpec<Attempt> = {
  format: ATTEMPT_FORMAT,
  noun: 'interview attempt',
  currentVersion: ATTEMPT_VERSION,
  migrations: {},
  schema: attemptSchema,
};

export const readAttempt = (raw: unknown): ReadResult<Attempt> => readVersioned(raw, attemptSpec);
