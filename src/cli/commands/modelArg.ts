import { readFileSync } from 'node:fs';
import { SUITE_PREFIX, onnxTarget, suiteTarget, type BenchTarget } from '../../bench/target.ts';
import { InputError, UsageError } from '../command.ts';

/** Shared by flops, bench and predict: a model argument is an .onnx path or a suite id such as suite:mlp-m. */

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new InputError(`${path}: cannot read the file${code ? ` (${code})` : ''}`);
  }
}

export function loadTarget(arg: string | undefined, shapes: readonly string[]): BenchTarget {
  if (arg === undefined) throw new UsageError('missing the model (an .onnx file or suite:<id>)');
  if (arg.startsWith(SUITE_PREFIX)) {
    if (shapes.length) throw new UsageError('--shape applies to .onnx files; suite models have fixed shapes');
    try {
      return suiteTarget(arg.slice(SUITE_PREFIX.length));
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  }
  const bytes = readBytes(arg);
  try {
    return onnxTarget(bytes, arg, shapes);
  } catch (err) {
    throw new InputError(`${arg}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** "1,8,32" → [1, 8, 32]: whole numbers ≥ 1, duplicates dropped, in the order given. */
export function batchList(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const parts = text.split(',').map((s) => s.trim());
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (p === '' || !Number.isInteger(n) || n < 1 || n > 65_536) throw new UsageError(`--batch must be whole numbers between 1 and 65536 separated by commas, got "${text}"`);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** parseArgs gives a repeated string option as an array (or undefined). */
export function stringList(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}
