import { z } from 'zod';
import { readVersioned, readVersionedText, type Migration, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';
import { deviceLine, type DevicePoint, type ModelCost } from './predict.ts';

/**
 * A device profile: what one runtime + backend on one machine measured for the benchmark suite, the per-model
 * lines latency(B) = a + b·B, and the device-level model that predicts models it never ran.
 */
export const PROFILE_FORMAT = 'mlsd-device-profile';
export const PROFILE_VERSION = 1;

const finite = (what: string) => z.number({ error: `${what} must be a number` }).finite(`${what} must be a finite number`);
const nonNeg = (what: string) => finite(what).min(0, `${what} cannot be negative`);
const count = (what: string) => z.number().int(`${what} must be a whole number`).min(1, `${what} must be at least 1`);
const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const sampleSummarySchema = z.object({
  n: count('n'),
  meanMs: nonNeg('meanMs'),
  p50Ms: nonNeg('p50Ms'),
  p90Ms: nonNeg('p90Ms'),
  p99Ms: nonNeg('p99Ms'),
  minMs: nonNeg('minMs'),
  maxMs: nonNeg('maxMs'),
  sdMs: nonNeg('sdMs'),
  cv: nonNeg('cv'),
});

export const lineFitSchema = z.object({
  aMs: nonNeg('aMs'),
  bMs: nonNeg('bMs'),
  r2: finite('r2'),
  rmseMs: nonNeg('rmseMs'),
  maxRelErr: nonNeg('maxRelErr'),
  n: count('n'),
});

const featureSetSchema = z.enum(['flops', 'flops+activations', 'flops+bytes', 'classes+activations', 'classes+memory', 'roofline']);
const rate = (what: string) => finite(what).positive(`${what} must be above 0`).nullable();

export const deviceFitSchema = z.object({
  overheadMs: nonNeg('overheadMs'),
  gflopsEffective: rate('gflopsEffective'),
  gbPerSecEffective: rate('gbPerSecEffective'),
  features: featureSetSchema,
  classRates: z.object({ gemm: rate('gemm rate'), conv: rate('conv rate'), depthwise: rate('depthwise rate'), other: rate('other rate') }).optional(),
  perNodeMs: nonNeg('perNodeMs').optional(),
  spill: z.object({ thresholdBytes: nonNeg('thresholdBytes'), gbPerSec: rate('spill bandwidth') }).optional(),
  roofline: z
    .object({
      weightFlopsPerByte: nonNeg('weightFlopsPerByte'), tier1Bytes: nonNeg('tier1Bytes'), tier2Bytes: nonNeg('tier2Bytes'),
      perInputMs: nonNeg('perInputMs'), outputGbPerSec: rate('output bandwidth'), specialNsPerElement: nonNeg('specialNsPerElement'),
      tier1GbPerSec: rate('tier-1 bandwidth'), tier2GbPerSec: rate('tier-2 bandwidth'), computeSpillGbPerSec: rate('compute spill bandwidth'),
    })
    .optional(),
});

/** Per-sample FLOPs by kernel class (see costSplit). */
export const flopSplitSchema = z.object({
  gemm: nonNeg('gemm'), conv: nonNeg('conv'), depthwise: nonNeg('depthwise'), other: finite('other'),
  nodes: z.number().int().min(0).optional(),
  tensorBytes: z.array(finite('tensorBytes')).max(200_000).optional(),
  /** Per-operator costs (operatorCosts.ts); profiles measured before the roofline model lack them. */
  operators: z
    .object({
      gemm: z.array(z.tuple([nonNeg('GEMM FLOPs'), nonNeg('GEMM weight bytes'), nonNeg('GEMM output bytes')])).max(200_000),
      conv: z.array(nonNeg('conv output bytes')).max(200_000),
      memory: z.array(z.tuple([nonNeg('operator bytes'), nonNeg('operator tensor bytes')])).max(200_000),
      specialElements: nonNeg('specialElements'),
      inputs: z.number().int().min(0),
      outputBytes: nonNeg('outputBytes'),
    })
    .optional(),
});

const errorSummaryShape = {
  medianAbsErrPct: nonNeg('medianAbsErrPct'),
  shareWithin10: finite('shareWithin10').min(0).max(1, 'shareWithin10 is a fraction between 0 and 1'),
  worstAbsErrPct: nonNeg('worstAbsErrPct'),
};

export const heldOutSchema = z.object({
  method: z.enum(['leave-one-model-out', 'held-out']),
  features: featureSetSchema,
  rows: z.array(
    z.object({ modelId: text(200), batch: count('batch'), measuredMs: nonNeg('measuredMs'), predictedMs: finite('predictedMs'), errPct: finite('errPct') }),
  ),
  perModel: z.array(z.object({ modelId: text(200), ...errorSummaryShape })).optional(),
  /** Device probes: in every fit, never held out. */
  alwaysFitted: z.array(text(200)).max(100).optional(),
  ...errorSummaryShape,
});

export const profileModelSchema = z.object({
  modelId: text(200),
  label: text(200),
  precision: z.enum(['fp32', 'fp16', 'int8', 'mixed']),
  family: text(64).optional(),
  flopsPerSample: nonNeg('flopsPerSample'),
  fixedFlops: finite('fixedFlops'),
  paramsBytes: nonNeg('paramsBytes'),
  activationBytesPerSample: finite('activationBytesPerSample'),
  split: flopSplitSchema.optional(),
  points: z
    .array(z.object({ batch: count('batch'), stats: sampleSummarySchema, discarded: z.string().max(500).optional() }))
    .min(1, 'a model needs at least one measured point'),
  fit: lineFitSchema.optional(),
  /** Why there is no fit (e.g. only one usable batch size). */
  fitError: z.string().max(500).optional(),
});

/**
 * Which statistic of each point the fits use. 'min' by default: on the shared 2-core VM this was built on, two
 * back-to-back calibrations agreed within ±10% on 47% of points by p50 but 88% by the fastest run (median
 * difference 10.3% vs 2.6%) — interference from other work slows some runs, and the fastest run is what the
 * hardware does. Profiles without the field were fitted on p50.
 */
export const fitStatSchema = z.enum(['p50', 'min']);
export type FitStat = z.infer<typeof fitStatSchema>;

/** The number a fit uses from one point's statistics. */
export const fitValue = (stats: { p50Ms: number; minMs: number }, stat: FitStat | undefined): number => (stat === 'min' ? stats.minMs : stats.p50Ms);

export const deviceProfileSchema = z.object({
  format: z.literal(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION),
  id: text(200),
  name: text(200),
  createdAt: z.iso.datetime({ offset: true, error: 'createdAt must be an ISO date-time' }),
  runtime: z.enum(['browser', 'node']),
  backend: text(40),
  library: z.enum(['onnxruntime-web', 'onnxruntime-node', 'tfjs']),
  variant: text(120).optional(),
  threads: count('threads').max(1024).optional(),
  device: z.object({
    userAgent: z.string().max(500).optional(),
    platform: z.string().max(200).optional(),
    cores: count('cores').max(100_000).optional(),
    gpu: z
      .object({ vendor: z.string().max(200).optional(), architecture: z.string().max(200).optional(), description: z.string().max(500).optional(), isFallback: z.boolean().optional() })
      .optional(),
  }),
  /** How each point was measured, so two profiles can be compared like for like. */
  settings: z
    .object({
      warmupMs: nonNeg('warmupMs'), budgetMs: nonNeg('budgetMs'), minSamples: count('minSamples'), maxSamples: count('maxSamples'),
      /** Passes over the whole suite, each point keeping its best pass (`mlsd calibrate --repeat`); absent means 1. */
      repeat: count('repeat').max(100).optional(),
    })
    .optional(),
  fitStat: fitStatSchema.optional(),
  models: z.array(profileModelSchema),
  deviceFit: deviceFitSchema.optional(),
  heldOut: heldOutSchema.optional(),
});

export type DeviceProfile = z.infer<typeof deviceProfileSchema>;
export type ProfileModel = z.infer<typeof profileModelSchema>;
export type HeldOut = z.infer<typeof heldOutSchema>;

/** profileMigrations[v] upgrades v → v + 1. Version 1 is the first format: no steps yet (add one per change, with a fixture). */
export const profileMigrations: Readonly<Record<number, Migration>> = {};

export const profileSpec: VersionedSpec<DeviceProfile> = {
  format: PROFILE_FORMAT,
  noun: 'device profile',
  currentVersion: PROFILE_VERSION,
  migrations: profileMigrations,
  schema: deviceProfileSchema,
};

/** File text or an already-parsed object; never throws. */
export function readProfile(input: unknown): ReadResult<DeviceProfile> {
  return typeof input === 'string' ? readVersionedText(input, profileSpec) : readVersioned(input, profileSpec);
}

export function profileToFileText(profile: DeviceProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

/** The measured (model, batch, p50) points a device fit learns from; noisy points are left out. */
export function profilePoints(profile: DeviceProfile): DevicePoint[] {
  return profile.models.flatMap((m) =>
    m.points
      .filter((p) => !p.discarded)
      .map((p) => ({
        modelId: m.modelId, batch: p.batch, ms: fitValue(p.stats, profile.fitStat),
        flopsPerSample: m.flopsPerSample, fixedFlops: m.fixedFlops, paramsBytes: m.paramsBytes, activationBytesPerSample: m.activationBytesPerSample,
        ...(m.split ? { split: m.split } : {}),
      })),
  );
}

export interface ProfileLine {
  aMs: number;
  bMs: number;
  label: string;
  source: 'measured' | 'predicted';
}

/**
 * compute(B) = aMs + bMs·B for estimateDesign's `profiles` option. A model the profile measured uses its own
 * fitted line; any other model is predicted from the device fit and its FLOPs and bytes. Null when the profile
 * has neither (no usable measurement at all).
 */
export function profileForModel(profile: DeviceProfile, model: ModelCost & { modelId?: string; label?: string }): ProfileLine | null {
  const measured = model.modelId ? profile.models.find((m) => m.modelId === model.modelId && m.fit) : undefined;
  if (measured?.fit) {
    return { aMs: measured.fit.aMs, bMs: measured.fit.bMs, label: `${profile.name}: ${measured.label} (measured)`, source: 'measured' };
  }
  if (!profile.deviceFit) return null;
  const { aMs, bMs } = deviceLine(profile.deviceFit, model);
  return { aMs: Math.max(0, aMs), bMs: Math.max(0, bMs), label: `${profile.name}: ${model.label ?? model.modelId ?? 'model'} (predicted)`, source: 'predicted' };
}

/** Samples per second one point of a profile sustains (one batch back to back), from the fit statistic. */
export function pointThroughput(profile: Pick<DeviceProfile, 'fitStat'>, p: { batch: number; stats: { p50Ms: number; minMs: number } }): number {
  return (p.batch / fitValue(p.stats, profile.fitStat)) * 1000;
}

/** GFLOP/s a model reached at its largest usable batch, or undefined when no point is usable. */
export function achievedGflops(profile: Pick<DeviceProfile, 'fitStat'>, m: ProfileModel): number | undefined {
  const last = [...m.points].reverse().find((p) => !p.discarded);
  return last ? (m.flopsPerSample * last.batch) / (fitValue(last.stats, profile.fitStat) * 1e6) : undefined;
}

/**
 * Whether a profile's device fit may stand in for hardware: it has a rate, it passed a held-out check (two or more
 * models measured), and it was not measured on a software-emulated GPU.
 */
export function offersDeviceFit(p: DeviceProfile): boolean {
  return !!p.deviceFit?.gflopsEffective && !!p.heldOut && !p.device.gpu?.isFallback;
}
