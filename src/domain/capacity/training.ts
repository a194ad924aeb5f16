import { getHardware } from '../catalog/hardware.ts';
import { getInstance } from '../catalog/instances.ts';
import { explain, input, type Explanation } from './explain.ts';

export interface TrainingInput {
  /** Parameters, billions. */
  paramsB: number;
  /** Training tokens, billions. */
  tokensB: number;
  hardware: string;
  gpus: number;
  /** Model FLOPs utilisation, 0–1 (large-scale training reaches up to about 0.5: capacity-model.md §2.4). */
  mfu: number;
}

export interface TrainingEstimate {
  totalFlops: number;
  days: number;
  gpuHours: number;
  costUsd: number;
  explain: { flops: Explanation; days: Explanation; cost: Explanation };
}

/**
 * Dense transformer training: about 6 FLOPs per parameter per token (2 forward, 4 backward), so
 * time = 6·N·D / (gpus · peak · MFU). Uses the fp16 tensor peak; cost is GPU-hours × the instance price per GPU.
 */
export function estimateTraining(t: TrainingInput): TrainingEstimate {
  const hw = getHardware(t.hardware);
  if (!hw) throw new Error(`unknown hardware "${t.hardware}"`);
  const peak = hw.peakTflops.fp16 ?? hw.peakTflops.fp32;
  if (!peak) throw new Error(`${t.hardware} has no fp16 or fp32 peak`);
  const inst = getInstance(hw.instance);
  if (!inst) throw new Error(`no price for ${hw.instance}`);
  const perGpuUsd = inst.hourlyUsd / (inst.accelerator?.count ?? 1);
  const totalFlops = 6 * t.paramsB * 1e9 * t.tokensB * 1e9;
  const seconds = totalFlops / (t.gpus * peak.value * 1e12 * t.mfu);
  const gpuHours = (seconds / 3600) * t.gpus;
  const costUsd = gpuHours * perGpuUsd;
  return {
    totalFlops,
    days: seconds / 86_400,
    gpuHours,
    costUsd,
    explain: {
      flops: explain('Training compute', totalFlops, 'FLOPs', '6 · N · D', [input('N', t.paramsB * 1e9, 'parameters'), input('D', t.tokensB * 1e9, 'tokens')]),
      days: explain('Training time', seconds / 86_400, 'days', 'FLOPs / (GPUs · peak · MFU) / 86 400 s', [
        input('GPUs', t.gpus, ''),
        input('peak', peak.value, 'TFLOP/s', peak.source),
        input('MFU', t.mfu, ''),
      ]),
      cost: explain('Training cost', costUsd, 'USD', 'GPU-hours · price per GPU-hour', [
        input('GPU-hours', gpuHours, 'h'),
        input('price per GPU-hour', perGpuUsd, 'USD', inst.source),
      ]),
    },
  };
}
