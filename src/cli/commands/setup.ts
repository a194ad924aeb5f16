import { hardwareIds, type Precision } from '../../domain/catalog/hardware.ts';
import { modelIds } from '../../domain/catalog/models.ts';
import { stackIds } from '../../domain/catalog/stacks.ts';
import type { Profile } from '../../domain/capacity/index.ts';
import { num, oneOf, readJson, str } from '../args.ts';
import { InputError, type Io } from '../command.ts';

/** Options shared by predict and serve: what runs where. */
export const setupOptions = {
  model: { type: 'string' }, hardware: { type: 'string' }, stack: { type: 'string' }, precision: { type: 'string' }, seq: { type: 'string' },
} as const;

type Values = Record<string, string | boolean | undefined>;

export function readSetup(values: Values, requireStack: boolean) {
  const model = oneOf(str(values, 'model', true), 'model', modelIds())!;
  const hardware = oneOf(str(values, 'hardware', true), 'hardware', hardwareIds())!;
  const stack = oneOf(str(values, 'stack', requireStack), 'stack', stackIds());
  const precision = oneOf(str(values, 'precision', requireStack), 'precision', ['fp32', 'fp16', 'int8']) as Precision | undefined;
  const seqLen = num(values, 'seq', { integer: true, min: 1, max: 1_000_000 });
  return { model, hardware, ...(stack ? { stack } : {}), ...(precision ? { precision } : {}), ...(seqLen !== undefined ? { seqLen } : {}) };
}

/** A calibration profile file: {"aMs": number, "bMs": number, "label"?: string}. */
export function readProfile(io: Io, path: string | undefined): Profile | undefined {
  if (path === undefined) return undefined;
  const raw = readJson(io, path) as Record<string, unknown> | null;
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!raw || typeof raw !== 'object' || !ok(raw.aMs) || !ok(raw.bMs)) {
    throw new InputError(`${path}: a profile needs numbers "aMs" and "bMs" (compute(B) = aMs + bMs·B)`);
  }
  return { aMs: raw.aMs as number, bMs: raw.bMs as number, label: typeof raw.label === 'string' ? raw.label : path };
}
