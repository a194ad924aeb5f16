/** Deterministic input data for suite models. */
import { seededRandom } from '../../domain/onnx/build.ts';
import { hashSeed } from './assemble.ts';
import type { SuiteInput } from './types.ts';

export function feedShape(input: SuiteInput, batch: number): number[] {
  return input.shape.map((d) => (d === 'batch' ? batch : d));
}

/**
 * Values for one input at a batch size: floats uniform in [-1, 1), int64 ids uniform in [0, maxValue).
 * The same (input, batch, seed) always gives the same data; different inputs get different streams.
 */
export function makeFeedData(input: SuiteInput, batch: number, seed = 1): Float32Array | BigInt64Array {
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be a positive integer, got ${batch}`);
  const n = feedShape(input, batch).reduce((p, d) => p * d, 1);
  const rand = seededRandom(hashSeed(input.name) ^ Math.imul(seed, 0x9e3779b1));
  if (input.dtype === 'int64') {
    const max = input.maxValue;
    if (max === undefined || max < 1) throw new Error(`int64 input '${input.name}' needs a positive maxValue`);
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt(Math.floor(rand() * max));
    return out;
  }
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rand() * 2 - 1;
  return out;
}
