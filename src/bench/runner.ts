import type { DeviceProfile } from '../domain/calibration/profile.ts';
import type { MeasureOptions, SweepPoint, SweepProgress } from './measure.ts';

/** One model input at a concrete batch size. */
export interface FeedSpec {
  name: string;
  dtype: string;
  shape: number[];
  /** Exclusive upper bound for integer ids (an embedding lookup must stay inside its table). */
  maxValue?: number;
}

/** Where and how a runner runs models: recorded with every profile, because each of these changes the speed. */
export interface RunnerInfo {
  runtime: DeviceProfile['runtime'];
  backend: string;
  library: DeviceProfile['library'];
  variant: string;
  threads: number;
  device: DeviceProfile['device'];
}

export type BenchOptions = Omit<MeasureOptions, 'now' | 'onSample'> & { batchWarmupMs?: number };

/** A runtime that can time ONNX models: onnxruntime-node in this process, or onnxruntime-web in a headless Chromium. */
export interface BenchRunner {
  info: RunnerInfo;
  /** Load the model once, then measure each batch size (feeds are built outside the timed region). */
  benchModel(bytes: Uint8Array, feedsAt: (batch: number) => FeedSpec[], batches: readonly number[], opts: BenchOptions, onProgress?: (p: SweepProgress) => void): Promise<SweepPoint[]>;
  close(): Promise<void>;
}

/** A small xorshift generator: the same inputs on every run and every runtime. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export type FeedArray = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | Int8Array | Uint16Array;

/**
 * Deterministic input data. Floats are uniform in [−1, 1); integers in [0, maxValue), where a user model's
 * unknown id range defaults to {0, 1} so a lookup cannot go out of range; bool, uint8, int8 and float16 are zeros.
 */
export function feedArray(spec: FeedSpec, seed = 1): FeedArray {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const r = xorshift(seed);
  const hi = Math.max(1, spec.maxValue ?? 2);
  switch (spec.dtype) {
    case 'float32':
      return Float32Array.from({ length: n }, () => r() * 2 - 1);
    case 'float64':
      return Float64Array.from({ length: n }, () => r() * 2 - 1);
    case 'int64':
      return BigInt64Array.from({ length: n }, () => BigInt(Math.floor(r() * hi)));
    case 'int32':
      return Int32Array.from({ length: n }, () => Math.floor(r() * hi));
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
    case 'int8':
      return new Int8Array(n);
    case 'float16':
      return new Uint16Array(n);
    default:
      throw new Error(`input "${spec.name}": cannot make test data of type ${spec.dtype}`);
  }
}
