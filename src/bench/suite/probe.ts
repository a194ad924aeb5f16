/**
 * probe: three micro-models, each built to expose one cost of the device that the model suite shows only through one
 * or two models, where leaving one of them out of a fit left the cost unknown:
 * - call: a 16×16 MatMul, almost no work: the fixed cost of one call into the runtime (feed, launch, fetch);
 * - stream: Mul/Add/Clip on a 2.4 MB-per-sample activation: at batch 4 its tensors (9.6 MB) sit between the sizes
 *   where the suite's elementwise models stay fast (6.4 MB) and slow down (12.8 MB), which pins the outer cache tier;
 * - weights: a 784→512→512→10 MLP (2.7 MB of weights), between mlp-s and mlp-m: the cost of reading the weights at
 *   small batches.
 * Calibration fits them always and never holds them out (predict.ts leaveOneModelOut): they measure the device, as
 * a memory-bandwidth or timer-overhead micro-benchmark would, and are not models anyone deploys.
 */
import { eltwiseModel, type EltwiseConfig } from './eltwise.ts';
import { matmulModel } from './matmul.ts';
import { mlpModel } from './mlp.ts';
import type { BuiltModel, SuiteFamilyModule, SuiteSpec } from './types.ts';

export const PROBE_CALL_N = 16;
export const PROBE_STREAM: EltwiseConfig = { shape: [48, 112, 112], rounds: 4 };
export const PROBE_WEIGHTS_DIMS = [784, 512, 512, 10];

const SPECS: SuiteSpec[] = [
  {
    id: 'probe-call', family: 'probe', size: 's', precision: 'fp32', label: `Probe: call overhead (${PROBE_CALL_N}×${PROBE_CALL_N} MatMul)`,
    description: 'A MatMul so small that its time is the fixed cost of one call into the runtime.',
  },
  {
    id: 'probe-stream', family: 'probe', size: 's', precision: 'fp32', label: `Probe: memory bandwidth (${PROBE_STREAM.shape.join('×')}, ${3 * PROBE_STREAM.rounds} ops)`,
    description: 'Elementwise ops on tensors that outgrow the caches between batch 1 and 16: where bandwidth falls.',
  },
  {
    id: 'probe-weights', family: 'probe', size: 's', precision: 'fp32', label: `Probe: weight reads (MLP ${PROBE_WEIGHTS_DIMS.join('→')})`,
    description: 'An MLP between the suite sizes: how fast a call reads its weights at small batches.',
  },
];

/** Probe ids: calibration always fits these and never holds them out. */
export const PROBE_IDS: readonly string[] = SPECS.map((s) => s.id);

function build(s: SuiteSpec): BuiltModel {
  if (s.id === 'probe-call') return matmulModel(s, PROBE_CALL_N);
  if (s.id === 'probe-stream') return eltwiseModel(s, PROBE_STREAM);
  if (s.id === 'probe-weights') return mlpModel(s, PROBE_WEIGHTS_DIMS);
  throw new Error(`unknown probe '${s.id}'`);
}

export const probeFamily: SuiteFamilyModule = { specs: () => SPECS.map((s) => ({ ...s })), build };
