import { getHardware, hardwareIds, peakFor, PRECISION_BYTES, type Hardware, type Precision, type Sourced } from '../catalog/hardware.ts';
import { getModel, modelFlops, modelIds, type ModelSpec } from '../catalog/models.ts';
import { efficiencyFor, getStack, stackIds, type ServingStack } from '../catalog/stacks.ts';
import { SRC } from '../catalog/sources.ts';

/** Fraction of peak memory bandwidth reached by streaming kernels. */
export const MEMORY_EFFICIENCY: Sourced = {
  value: 0.8,
  source: { label: `Estimate, a notch below the "aggressive" 0.9 of ${SRC.llmAnalysisEfficiency.label}`, verified: false },
};

export class UnknownNameError extends Error {
  constructor(
    readonly what: 'model' | 'hardware' | 'stack' | 'instance',
    readonly unknown: string,
    readonly valid: string[],
  ) {
    super(`unknown ${what} "${unknown}"; valid: ${valid.join(', ')}`);
  }
}

export interface SetupInput {
  model: ModelSpec | string;
  hardware: Hardware | string;
  stack?: ServingStack | string;
  precision?: Precision;
  seqLen?: number;
}

export interface Setup {
  model: ModelSpec;
  hardware: Hardware;
  stack: ServingStack;
  /** Requested precision and the one the device actually runs (int8 on a V100 runs fp16). */
  precision: Precision;
  precisionUsed: Precision;
  seqLen: number;
  warnings: string[];
}

export const defaultStackId = (hw: Hardware): string => (hw.kind === 'cpu' ? 'onnxruntime-cpu' : 'triton+tensorrt');
export const defaultPrecision = (hw: Hardware): Precision => (hw.kind === 'cpu' ? 'fp32' : 'fp16');

/** Resolve names against the catalog; unknown names throw with the list of valid ones. */
export function resolveSetup(input: SetupInput): Setup {
  const model = typeof input.model === 'string' ? getModel(input.model) : input.model;
  if (!model) throw new UnknownNameError('model', String(input.model), modelIds());
  const hardware = typeof input.hardware === 'string' ? getHardware(input.hardware) : input.hardware;
  if (!hardware) throw new UnknownNameError('hardware', String(input.hardware), hardwareIds());
  const stackIn = input.stack ?? defaultStackId(hardware);
  const stack = typeof stackIn === 'string' ? getStack(stackIn) : stackIn;
  if (!stack) throw new UnknownNameError('stack', String(stackIn), stackIds());
  const warnings: string[] = [];
  if (stack.device !== hardware.kind) warnings.push(`stack ${stack.id} runs on a ${stack.device}, but ${hardware.id} is a ${hardware.kind}`);
  const precision = input.precision ?? defaultPrecision(hardware);
  const precisionUsed = peakFor(hardware, precision).precision;
  if (precisionUsed !== precision) warnings.push(`${hardware.id} has no fast ${precision} path; using ${precisionUsed}`);
  const seqLen = model.seqLen ? (input.seqLen ?? model.seqLen.default) : 1;
  if (input.seqLen !== undefined && !model.seqLen) warnings.push(`${model.id} has no sequence length; --seq ignored`);
  return { model, hardware, stack, precision, precisionUsed, seqLen, warnings };
}

/** Every term of the roofline for one setup, in ms. */
export interface RooflineTerms {
  flopsPerSample: number;
  weightBytes: number;
  bytesPerSample: number;
  peakTflops: Sourced;
  efficiency: Sourced & { measured: boolean };
  computePerSampleMs: number;
  weightPassMs: number;
  memFixedMs: number;
  memPerSampleMs: number;
  batchOverheadMs: number;
  requestOverheadMs: number;
  transferPerSampleMs: number;
}

export function rooflineTerms(s: Setup): RooflineTerms {
  const { model, hardware, stack, precisionUsed: p, seqLen } = s;
  const bytes = PRECISION_BYTES[p];
  const peak = peakFor(hardware, p).tflops;
  const efficiency = efficiencyFor(stack, hardware.generation);
  const flopsPerSample = modelFlops(model, seqLen);
  const weightBytes = model.params.value * bytes;
  const bytesPerSample = model.activationElements(seqLen) * bytes + (model.extraBytesPerSample?.(seqLen, p) ?? 0);
  const bw = hardware.memoryBandwidthGBps.value * MEMORY_EFFICIENCY.value; // GB/s = bytes per ns
  const transfer = stack.transferGBps?.value;
  return {
    flopsPerSample, weightBytes, bytesPerSample, peakTflops: peak, efficiency,
    computePerSampleMs: flopsPerSample / (peak.value * efficiency.value * 1e9),
    weightPassMs: stack.weightPassGBps && !model.streamsWeights ? weightBytes / stack.weightPassGBps.value / 1e6 : 0,
    memFixedMs: weightBytes / bw / 1e6,
    memPerSampleMs: bytesPerSample / bw / 1e6,
    batchOverheadMs: stack.batchOverheadMs.value,
    requestOverheadMs: stack.requestOverheadMs.value,
    transferPerSampleMs: transfer ? model.inputBytes(seqLen) / transfer / 1e6 : 0,
  };
}

/**
 * Accelerator time of one batch of B: overhead + max(compute path, memory path), where the compute path is
 * the weight pass + B·FLOPs/(peak·η) and the memory path streams the weights once plus B samples' bytes.
 */
export function batchTimeMs(t: RooflineTerms, batch: number): { ms: number; bound: 'compute' | 'memory'; computeMs: number; memoryMs: number } {
  const computeMs = t.weightPassMs + batch * t.computePerSampleMs;
  const memoryMs = t.memFixedMs + batch * t.memPerSampleMs;
  return { ms: t.batchOverheadMs + Math.max(computeMs, memoryMs), bound: computeMs >= memoryMs ? 'compute' : 'memory', computeMs, memoryMs };
}

/**
 * compute(B) ≈ a + b·B, as a calibration would fit it: the secant of the roofline between B = 1 and the
 * largest batch. The roofline is convex in B, so the line is exact at both ends and slightly pessimistic between.
 */
export function linearFit(t: RooflineTerms, maxBatch: number): { aMs: number; bMs: number } {
  const top = Math.max(2, maxBatch);
  const t1 = batchTimeMs(t, 1).ms;
  const bMs = (batchTimeMs(t, top).ms - t1) / (top - 1);
  return { aMs: Math.max(0, t1 - bMs), bMs };
}

export interface Profile {
  aMs: number;
  bMs: number;
  label: string;
}

export interface StaticPrediction {
  /** One request carrying a batch of B samples (perf_analyzer "offline", concurrency 1). */
  latencyMs: number;
  throughputRps: number;
  bound: 'compute' | 'memory';
  /** FLOPs per sample (2 per MAC) and per batch. */
  flops: number;
  batchFlops: number;
  efficiency: number;
  computeMs: number;
  memoryMs: number;
  overheadMs: number;
  requestMs: number;
  transferMs: number;
  precision: Precision;
  source: 'roofline' | 'profile';
  warnings: string[];
}

export function predictStatic(input: SetupInput & { batch: number; profile?: Profile }): StaticPrediction {
  const setup = resolveSetup(input);
  const t = rooflineTerms(setup);
  const B = input.batch;
  const gpu = batchTimeMs(t, B);
  const base = {
    bound: gpu.bound, flops: t.flopsPerSample, batchFlops: t.flopsPerSample * B, efficiency: t.efficiency.value,
    computeMs: gpu.computeMs, memoryMs: gpu.memoryMs, precision: setup.precisionUsed, warnings: setup.warnings,
  };
  if (input.profile) {
    const latencyMs = input.profile.aMs + input.profile.bMs * B;
    return { ...base, latencyMs, throughputRps: (B / latencyMs) * 1000, overheadMs: input.profile.aMs, requestMs: 0, transferMs: 0, source: 'profile' };
  }
  const transferMs = B * t.transferPerSampleMs;
  const latencyMs = t.requestOverheadMs + transferMs + gpu.ms;
  return { ...base, latencyMs, throughputRps: (B / latencyMs) * 1000, overheadMs: t.batchOverheadMs, requestMs: t.requestOverheadMs, transferMs, source: 'roofline' };
}
