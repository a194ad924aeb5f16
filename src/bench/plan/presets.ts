import type { SuiteSpec } from '../suite/index.ts';
import { TF_SPECS } from '../tfjs/specs.ts';
import type { BenchJob, JobModel } from '../browser/protocol.ts';
import { backendDef } from '../browser/backends.ts';
import type { BackendId } from '../browser/protocol.ts';

export type PresetId = 'smoke' | 'quick' | 'full';

export interface Preset {
  id: PresetId;
  label: string;
  description: string;
  batches: number[];
  warmupMs: number;
  batchWarmupMs: number;
  budgetMs: number;
  /** Which suite entries to run. */
  pick: (s: SuiteSpec) => boolean;
  tfjsIds: string[];
}

// Warm-up ≥1.5 s before a model's first point: wasm tiers up for a second or two, and a 5-run warm-up left 2–7×
// run-to-run spread (bench-feasibility §6).
export const PRESETS: Preset[] = [
  {
    id: 'smoke', label: 'Smoke check (≈15 s)', description: 'Three small models at two batch sizes: checks the backend works. Too short for a trustworthy calibration.',
    batches: [1, 4], warmupMs: 500, batchWarmupMs: 150, budgetMs: 400,
    pick: (s) => s.precision === 'fp32' && s.size === 's' && ['mlp', 'cnn', 'transformer'].includes(s.family),
    tfjsIds: ['tfjs-mlp-s', 'tfjs-cnn-s'],
  },
  {
    id: 'quick', label: 'Quick calibration (≈1–2 min)', description: 'Small and medium models of every family at batch 1, 4 and 16.',
    batches: [1, 4, 16], warmupMs: 1500, batchWarmupMs: 300, budgetMs: 600,
    pick: (s) => s.precision === 'fp32' && s.size !== 'l',
    tfjsIds: TF_SPECS.map((s) => s.id),
  },
  {
    id: 'full', label: 'Full calibration (several minutes)', description: 'Every suite model, fp32 and int8, batch 1 to 64.',
    batches: [1, 2, 4, 8, 16, 32, 64], warmupMs: 2000, batchWarmupMs: 400, budgetMs: 1200,
    pick: () => true,
    tfjsIds: TF_SPECS.map((s) => s.id),
  },
];

export const preset = (id: PresetId): Preset => PRESETS.find((p) => p.id === id)!;

/** The job for one backend and preset; tfjs backends run the tfjs model set, ONNX backends the ONNX suite. */
export function planJob(id: number, backend: BackendId, p: Preset, suite: SuiteSpec[], threads: number): BenchJob {
  const def = backendDef(backend);
  const models: JobModel[] =
    def.models === 'tfjs'
      ? TF_SPECS.filter((s) => p.tfjsIds.includes(s.id)).map((s) => ({ id: s.id, label: s.label, source: { kind: 'tfjs', id: s.id } }))
      : suite.filter(p.pick).map((s) => ({ id: s.id, label: s.label, source: { kind: 'suite', id: s.id } }));
  // GPU backends under software emulation are 50–5000× slower; keep their batches small so a run ends.
  const slow = def.backend === 'webgpu' || def.backend === 'webgl' || def.backend === 'cpu';
  const batches = slow ? p.batches.filter((b) => b <= 16) : p.batches;
  return { id, backend, threads, models, batches, warmupMs: p.warmupMs, batchWarmupMs: p.batchWarmupMs, budgetMs: p.budgetMs, minSamples: 5, maxSamples: 2000 };
}
