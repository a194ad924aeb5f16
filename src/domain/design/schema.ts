import { z } from 'zod';
import { isKnownKind } from '../catalog/components.ts';

export const DESIGN_FORMAT = 'mlsd-design';
export const DESIGN_VERSION = 1;

/** Bounds double as guard rails: they refuse NaN, negatives and absurd values with a reason. */
const finite = (what: string) => z.number({ error: `${what} must be a number` }).finite(`${what} must be a finite number`);

export const nodeIdSchema = z
  .string()
  .min(1, 'id must not be empty')
  .max(64, 'id must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'id may contain only letters, digits, "_" and "-"');

export const precisionSchema = z.enum(['fp32', 'fp16', 'int8']);

export const nodeParamsSchema = z
  .object({
    serviceMs: finite('serviceMs').positive('serviceMs must be above 0').max(86_400_000, 'serviceMs must be at most one day'),
    serviceCv: finite('serviceCv').min(0, 'serviceCv cannot be negative').max(10, 'serviceCv must be at most 10'),
    concurrency: z.number({ error: 'concurrency must be a number' }).int('concurrency must be a whole number').min(1, 'concurrency must be at least 1').max(1_000_000, 'concurrency is too large'),
    costPerHourUsd: finite('costPerHourUsd').min(0, 'cost cannot be negative').max(10_000, 'costPerHourUsd must be at most 10,000'),
    availability: finite('availability').gt(0, 'availability must be above 0').max(1, 'availability must be at most 1'),
    model: z.string().min(1).max(120),
    hardware: z.string().min(1).max(120),
    stack: z.string().min(1).max(120),
    precision: precisionSchema,
    seqLen: z.number({ error: 'seqLen must be a number' }).int('seqLen must be a whole number').min(1, 'seqLen must be at least 1').max(1_000_000, 'seqLen is too large'),
    maxBatch: z.number({ error: 'maxBatch must be a number' }).int('maxBatch must be a whole number').min(1, 'maxBatch must be at least 1').max(4096, 'maxBatch must be at most 4096'),
    batchWindowMs: finite('batchWindowMs').min(0, 'batchWindowMs cannot be negative').max(10_000, 'batchWindowMs must be at most 10 s'),
    instances: z.number({ error: 'instances must be a number' }).int('instances must be a whole number').min(1, 'instances must be at least 1').max(64, 'instances must be at most 64'),
    profileId: z.string().min(1).max(200),
  })
  .partial()
  .strict();

export type NodeParams = z.infer<typeof nodeParamsSchema>;
export type ParamKey = keyof NodeParams;

export const positionSchema = z.object({ x: finite('x').min(-1e6).max(1e6), y: finite('y').min(-1e6).max(1e6) });

export const designNodeSchema = z.object({
  id: nodeIdSchema,
  kind: z.string().max(64).refine(isKnownKind, { error: (iss) => `unknown component kind "${String(iss.input).slice(0, 64)}"` }),
  label: z.string().max(120, 'label must be at most 120 characters').optional(),
  replicas: z.number({ error: 'replicas must be a number' }).int('replicas must be a whole number').min(1, 'replicas must be at least 1').max(100_000, 'replicas must be at most 100,000').optional(),
  params: nodeParamsSchema.optional(),
  position: positionSchema.optional(),
});

export const designEdgeSchema = z.object({
  from: nodeIdSchema,
  to: nodeIdSchema,
  callsPerRequest: finite('callsPerRequest').positive('callsPerRequest must be above 0').max(10_000, 'callsPerRequest must be at most 10,000').optional(),
  hitRatio: finite('hitRatio').min(0, 'hitRatio must be between 0 and 1').max(1, 'hitRatio must be between 0 and 1').optional(),
  label: z.string().max(120).optional(),
});

export const workloadSchema = z.object({
  rps: finite('rps').positive('rps must be above 0').max(100_000_000, 'rps must be at most 100 million'),
  peakFactor: finite('peakFactor').min(1, 'peakFactor must be at least 1').max(100, 'peakFactor must be at most 100').optional(),
  payloadKb: finite('payloadKb').min(0, 'payloadKb cannot be negative').max(1_000_000, 'payloadKb must be at most 1 GB').optional(),
  p99BudgetMs: finite('p99BudgetMs').positive('p99BudgetMs must be above 0').max(86_400_000).optional(),
  targetUtilization: finite('targetUtilization').gt(0, 'targetUtilization must be above 0').lt(1, 'targetUtilization must be below 1').optional(),
});

export const MAX_NODES = 5000;
export const MAX_EDGES = 20000;

export const designSchema = z
  .object({
    format: z.literal(DESIGN_FORMAT),
    version: z.literal(DESIGN_VERSION),
    name: z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
    description: z.string().max(20_000).optional(),
    scenarioId: z.string().max(120).optional(),
    workload: workloadSchema,
    nodes: z.array(designNodeSchema).max(MAX_NODES, `a design may have at most ${MAX_NODES} nodes`),
    edges: z.array(designEdgeSchema).max(MAX_EDGES, `a design may have at most ${MAX_EDGES} edges`),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    d.nodes.forEach((n, i) => {
      if (ids.has(n.id)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `duplicate node id "${n.id}"` });
      ids.add(n.id);
    });
    const pairs = new Set<string>();
    d.edges.forEach((e, i) => {
      if (!ids.has(e.from)) ctx.addIssue({ code: 'custom', path: ['edges', i, 'from'], message: `edge starts at missing node "${e.from}"` });
      if (!ids.has(e.to)) ctx.addIssue({ code: 'custom', path: ['edges', i, 'to'], message: `edge ends at missing node "${e.to}"` });
      if (e.from === e.to) ctx.addIssue({ code: 'custom', path: ['edges', i], message: `edge from "${e.from}" to itself` });
      const key = `${e.from}\u0000${e.to}`;
      if (pairs.has(key)) ctx.addIssue({ code: 'custom', path: ['edges', i], message: `duplicate edge ${e.from} → ${e.to}` });
      pairs.add(key);
    });
  });

export type Design = z.infer<typeof designSchema>;
export type DesignNode = z.infer<typeof designNodeSchema>;
export type DesignEdge = z.infer<typeof designEdgeSchema>;
export type Workload = z.infer<typeof workloadSchema>;
export type Position = z.infer<typeof positionSchema>;
