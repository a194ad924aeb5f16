import type { Generation, Sourced } from './hardware.ts';
import { SRC, type Source } from './sources.ts';

/**
 * A serving stack: the runtime (and server) between a request and the accelerator. The roofline gives the best
 * case; a stack reaches a fraction of it and adds fixed costs:
 * - efficiency: fraction of dense peak reached at large batch, one value per hardware generation at most.
 * - batchOverheadMs: fixed cost per batch on the accelerator (enqueue, launches, scheduling).
 * - weightPassGBps: small batches cannot hide one pass over the weights (under-filled SMs, per-layer kernel
 *   latency); weights ÷ this rate is added once per batch on the compute path.
 * - requestOverheadMs + payload / transferGBps: per request, outside the accelerator (network, (de)serialising,
 *   copying the payload); many requests overlap here, so it is a delay, not a shared resource.
 */
export interface ServingStack {
  id: string;
  label: string;
  device: 'gpu' | 'cpu';
  description: string;
  efficiency: Partial<Record<Generation, Sourced>>;
  /** Used for generations without a measured value (always an estimate). */
  fallbackEfficiency: Sourced;
  batchOverheadMs: Sourced;
  /** Absent where the weight stream is already the memory term of the roofline (CPUs). */
  weightPassGBps?: Sourced;
  requestOverheadMs: Sourced;
  /** Absent where the measurements exclude the payload (e.g. TensorRT's own benchmark). */
  transferGBps?: Sourced;
}

const d = (label: string): Source => ({ label: `Derived: ${label}`, verified: true });
const est = (label: string): Source => ({ label: `Estimate: ${label}`, verified: false });
const v = (value: number, source: Source): Sourced => ({ value, source });

const trtTables = SRC.trtBertTables.label;
const bertLarge = SRC.tritonBertLarge.label;
const resnet = SRC.tritonResnet50.label;

/** Batch-1 BERT latencies on T4, L4 and A100 exceed the roofline by ≈ 0.45 ms per 220 MB of fp16 weights. */
const weightPass = v(500, d(`weight bytes ÷ (batch-1 latency − roofline compute time), median over BERT-base s128 and BERT-large s384 on T4, L4, A100 (${trtTables})`));
const tritonRequest = v(0.4, d(`"Network+Server Send/Recv" + "Server Compute Input" at batch 1: 0.2 ms (A100 host) to 0.6 ms (T4 host) (${bertLarge})`));
const tritonTransfer = v(2.5, d(`ResNet-50 offline batch 128 minus batch-1 and GPU time: 602 KB per image at 2.2 GB/s (T4 host) and 3.1 GB/s (A100 host) (${resnet})`));

export const STACKS: readonly ServingStack[] = [
  {
    id: 'tensorrt', label: 'TensorRT (engine only)', device: 'gpu',
    description: 'A TensorRT engine called in-process; no server, no copies of the request.',
    efficiency: {
      turing: v(0.31, d(`T4 BERT-base s128 batch 128: 128 × 22.35 GFLOP ÷ 144.2 ms = 19.8 TFLOP/s of 65 (${trtTables})`)),
      ampere: v(0.6, d(`A100 BERT-base s128 batch 128 reaches 57 %, BERT-large s384 62 % of 312 TFLOP/s (${trtTables})`)),
      ada: v(0.37, d(`L4 BERT-base s128 batch 128 reaches 34 %, BERT-large s384 41 % of 121 TFLOP/s (${trtTables})`)),
    },
    fallbackEfficiency: v(0.5, est('Volta/Hopper not measured here; between the Turing and Ampere values')),
    batchOverheadMs: v(0.1, est('enqueue and launch cost of one engine call')),
    weightPassGBps: weightPass,
    requestOverheadMs: v(0, d('the TensorRT benchmark times the engine only, without copying inputs or outputs')),
  },
  {
    id: 'triton+tensorrt', label: 'Triton + TensorRT', device: 'gpu',
    description: 'Triton Inference Server with the TensorRT backend (gRPC requests, dynamic batching).',
    efficiency: {
      turing: v(0.28, d(`T4 BERT-large s384 batch 16: 72.7 inf/s × 246.4 GFLOP = 17.9 TFLOP/s of 65 (${bertLarge})`)),
      ampere: v(0.46, d(`A100-80GB BERT-large s384 batch 16: 544 inf/s × 246.4 GFLOP = 134 TFLOP/s of 312 (${bertLarge})`)),
      volta: v(0.46, d(`V100 BERT-large s384 batch 16: 224 inf/s × 246.4 GFLOP = 55 TFLOP/s of 125 (${bertLarge})`)),
    },
    fallbackEfficiency: v(0.4, est('Ada/Hopper not measured through Triton here')),
    batchOverheadMs: v(0.1, est('enqueue and launch cost of one engine call')),
    weightPassGBps: weightPass,
    requestOverheadMs: tritonRequest,
    transferGBps: tritonTransfer,
  },
  {
    id: 'triton+onnxruntime-trt', label: 'Triton + ONNX Runtime (TensorRT EP)', device: 'gpu',
    description: 'Triton with the ONNX Runtime backend accelerated by TensorRT.',
    efficiency: {
      turing: v(0.26, d(`T4 ResNet-50 online, 128 clients: (compute input + infer + output) 30.9 ms per ≈63-image batch = 0.49 ms/image → 16.7 of 65 TFLOP/s (${resnet})`)),
      ampere: v(0.16, d(`A100-80GB ResNet-50 online, 256 clients: 18.8 ms per ≈115-image batch = 0.163 ms/image → 50 of 312 TFLOP/s (${resnet})`)),
      volta: v(0.23, d(`V100 ResNet-50 online, 256 clients: 32.5 ms per ≈116-image batch = 0.28 ms/image → 29 of 125 TFLOP/s (${resnet})`)),
    },
    fallbackEfficiency: v(0.2, est('not measured on this generation')),
    batchOverheadMs: v(1.5, d(`ResNet-50 offline batch 1 (3.0 ms T4, 2.1 ms A100) minus request, transfer and GPU time: 1.8 and 1.2 ms (${resnet})`)),
    weightPassGBps: weightPass,
    requestOverheadMs: tritonRequest,
    transferGBps: tritonTransfer,
  },
  {
    id: 'triton+onnxruntime', label: 'Triton + ONNX Runtime (CUDA EP)', device: 'gpu',
    description: 'Triton with the ONNX Runtime backend on CUDA kernels, no TensorRT.',
    efficiency: {
      turing: v(0.17, d(`T4 BERT-large s384 batch 16: 45.3 inf/s → 11.2 TFLOP/s of 65 (${bertLarge})`)),
      ampere: v(0.22, d(`A100-80GB BERT-large s384 batch 16: 282.6 inf/s → 69.6 TFLOP/s of 312 (${bertLarge})`)),
      volta: v(0.27, d(`V100 BERT-large s384 batch 16: 136 inf/s → 33.5 TFLOP/s of 125 (${bertLarge})`)),
    },
    fallbackEfficiency: v(0.2, est('not measured on this generation')),
    batchOverheadMs: v(0.2, est('more kernels per layer than TensorRT')),
    weightPassGBps: weightPass,
    requestOverheadMs: tritonRequest,
    transferGBps: tritonTransfer,
  },
  {
    id: 'torchscript', label: 'Triton + TorchScript (PyTorch backend)', device: 'gpu',
    description: 'A traced TorchScript model served by Triton\'s PyTorch (LibTorch) backend.',
    efficiency: {
      turing: v(0.21, d(`T4 BERT-large s384 batch 16: 54.4 inf/s → 13.4 TFLOP/s of 65 (${bertLarge})`)),
      ampere: v(0.26, d(`A100-80GB BERT-large s384 batch 16: 330.7 inf/s → 81.5 TFLOP/s of 312 (${bertLarge})`)),
      volta: v(0.33, d(`V100 BERT-large s384 batch 16: 169.6 inf/s → 41.8 TFLOP/s of 125 (${bertLarge})`)),
    },
    fallbackEfficiency: v(0.25, est('not measured on this generation')),
    batchOverheadMs: v(0.5, est('eager-style launches of many small kernels')),
    weightPassGBps: weightPass,
    requestOverheadMs: tritonRequest,
    transferGBps: tritonTransfer,
  },
  {
    id: 'onnxruntime-cpu', label: 'ONNX Runtime (CPU)', device: 'cpu',
    description: 'ONNX Runtime\'s CPU execution provider (MLAS kernels, AVX-512).',
    efficiency: { cpu: v(0.35, est('whole-model fraction of AVX-512 FP32 peak; large GEMMs reach more, small layers less')) },
    fallbackEfficiency: v(0.35, est('CPU stack')),
    batchOverheadMs: v(0.05, est('session run call overhead')),
    requestOverheadMs: v(0.3, est('HTTP/gRPC front end in the same process')),
  },
];

const BY_ID = new Map(STACKS.map((s) => [s.id.toLowerCase(), s]));

export function getStack(id: string): ServingStack | undefined {
  return BY_ID.get(id.toLowerCase());
}

export const stackIds = (): string[] => STACKS.map((s) => s.id);

export function efficiencyFor(stack: ServingStack, generation: Generation): Sourced & { measured: boolean } {
  const e = stack.efficiency[generation];
  return e ? { ...e, measured: true } : { ...stack.fallbackEfficiency, measured: false };
}
