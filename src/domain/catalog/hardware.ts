import { getInstance } from './instances.ts';
import { SRC, type Source } from './sources.ts';

export type Precision = 'fp32' | 'fp16' | 'int8';
/** Serving stacks reach different fractions of peak on different generations, so efficiency is keyed by this. */
export type Generation = 'volta' | 'turing' | 'ampere' | 'ada' | 'hopper' | 'cpu';

export const PRECISION_BYTES: Readonly<Record<Precision, number>> = { fp32: 4, fp16: 2, int8: 1 };

export interface Sourced {
  value: number;
  source: Source;
}

export interface Hardware {
  id: string;
  label: string;
  kind: 'gpu' | 'cpu';
  generation: Generation;
  /**
   * Dense peak in TFLOP/s (TOPS for int8) per precision. fp16/int8 are tensor-core rates without sparsity;
   * a precision that is missing has no fast path on this device.
   */
  peakTflops: Partial<Record<Precision, Sourced>>;
  memoryBandwidthGBps: Sourced;
  memoryGB: number;
  /** The cloud machine it is rented in (instances.ts); the price per accelerator is that machine's ÷ its count. */
  instance: string;
}

const s = (value: number, source: Source): Sourced => ({ value, source });
const mem = SRC.fromMemory;
const llm = SRC.llmAnalysis;
const spec = SRC.gpuSpecThirdParty;
const int8TwiceFp16: Source = { label: 'Dense INT8 = 2 × dense FP16 tensor rate on this generation (from memory, unverified)', verified: false };

/**
 * A CPU machine: peak FP32 = physical cores × 2 AVX-512 FMA units × 16 lanes × 2 FLOPs × ~3.0 GHz (the AVX-512
 * clock); int8 with VNNI does 4 int8 MACs per FP32 lane; fp16 has no fast path on Ice Lake and runs at the FP32
 * rate. Bandwidth: a socket's 8 × DDR4-3200 channels (204.8 GB/s) shared by its 64 vCPUs. All estimates.
 */
function cpu(name: string, vcpus: number): Hardware {
  const cores = vcpus / 2;
  const fp32 = (cores * 2 * 16 * 2 * 3.0) / 1000;
  const est = SRC.intelAvx512;
  return {
    id: name,
    label: `${name} (${vcpus} vCPU, Ice Lake)`,
    kind: 'cpu',
    generation: 'cpu',
    peakTflops: { fp32: s(fp32, est), fp16: s(fp32, est), int8: s(fp32 * 4, est) },
    memoryBandwidthGBps: s(vcpus * 3.2, { label: 'Estimate: 204.8 GB/s per socket (8 × DDR4-3200) ÷ 64 vCPUs', verified: false }),
    memoryGB: getInstance(name)?.memoryGiB ?? vcpus * 2,
    instance: name,
  };
}

export const HARDWARE: readonly Hardware[] = [
  {
    id: 'T4', label: 'NVIDIA T4 16 GB', kind: 'gpu', generation: 'turing', memoryGB: 16, instance: 'g4dn.xlarge',
    peakTflops: { fp32: s(8.1, mem), fp16: s(65, spec), int8: s(130, int8TwiceFp16) },
    memoryBandwidthGBps: s(320, spec),
  },
  {
    id: 'A10G', label: 'NVIDIA A10G 24 GB', kind: 'gpu', generation: 'ampere', memoryGB: 24, instance: 'g5.xlarge',
    peakTflops: { fp32: s(31.2, mem), fp16: s(70, llm), int8: s(140, llm) },
    memoryBandwidthGBps: s(600, llm),
  },
  {
    id: 'L4', label: 'NVIDIA L4 24 GB', kind: 'gpu', generation: 'ada', memoryGB: 24, instance: 'g6.xlarge',
    peakTflops: { fp32: s(30.3, mem), fp16: s(121, spec), int8: s(242, int8TwiceFp16) },
    memoryBandwidthGBps: s(300, spec),
  },
  {
    id: 'V100', label: 'NVIDIA V100 SXM2 16 GB', kind: 'gpu', generation: 'volta', memoryGB: 16, instance: 'p3.2xlarge',
    // Volta has no INT8 tensor cores: int8 falls back to fp16.
    peakTflops: { fp32: s(15.7, mem), fp16: s(125, llm) },
    memoryBandwidthGBps: s(900, llm),
  },
  {
    id: 'A100-40GB', label: 'NVIDIA A100 SXM 40 GB', kind: 'gpu', generation: 'ampere', memoryGB: 40, instance: 'p4d.24xlarge',
    peakTflops: { fp32: s(19.5, mem), fp16: s(312, llm), int8: s(624, int8TwiceFp16) },
    memoryBandwidthGBps: s(1555, llm),
  },
  {
    id: 'A100-80GB', label: 'NVIDIA A100 SXM 80 GB', kind: 'gpu', generation: 'ampere', memoryGB: 80, instance: 'p4de.24xlarge',
    peakTflops: { fp32: s(19.5, mem), fp16: s(312, llm), int8: s(624, int8TwiceFp16) },
    memoryBandwidthGBps: s(2039, llm),
  },
  {
    id: 'H100-SXM', label: 'NVIDIA H100 SXM 80 GB', kind: 'gpu', generation: 'hopper', memoryGB: 80, instance: 'p5.48xlarge',
    // 989 dense, not the 1979 "FP16" some tables list (that one is the 2:4 sparse rate).
    peakTflops: { fp32: s(67, mem), fp16: s(989, llm), int8: s(1979, llm) },
    memoryBandwidthGBps: s(3350, llm),
  },
  cpu('c6i.large', 2),
  cpu('c6i.xlarge', 4),
  cpu('c6i.2xlarge', 8),
  cpu('c6i.4xlarge', 16),
  cpu('c6i.8xlarge', 32),
];

const BY_ID = new Map(HARDWARE.map((h) => [h.id.toLowerCase(), h]));

/** Case-insensitive, so "t4" and "a100-80gb" work on the command line. */
export function getHardware(id: string): Hardware | undefined {
  return BY_ID.get(id.toLowerCase());
}

export const hardwareIds = (): string[] => HARDWARE.map((h) => h.id);

/** Price of one accelerator (or one CPU machine) per hour: the machine's price ÷ the accelerators in it. */
export function pricePerUnitHour(hw: Hardware): { usd: number; source: Source; instance: string; unitsPerInstance: number } {
  const inst = getInstance(hw.instance);
  if (!inst) throw new Error(`hardware ${hw.id} names unknown instance ${hw.instance}`);
  const units = inst.accelerator?.count ?? 1;
  return { usd: inst.hourlyUsd / units, source: inst.source, instance: inst.name, unitsPerInstance: units };
}

/** The peak for a precision, falling back to the next wider one the device has (int8 → fp16 → fp32). */
export function peakFor(hw: Hardware, precision: Precision): { precision: Precision; tflops: Sourced } {
  const order: Precision[] = precision === 'int8' ? ['int8', 'fp16', 'fp32'] : precision === 'fp16' ? ['fp16', 'fp32'] : ['fp32'];
  for (const p of order) {
    const v = hw.peakTflops[p];
    if (v) return { precision: p, tflops: v };
  }
  throw new Error(`hardware ${hw.id} has no peak for ${precision}`);
}
