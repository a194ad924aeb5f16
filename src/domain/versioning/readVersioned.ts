import type { z } from 'zod';
import { describeZodError } from './zodMessage.ts';

/** Outcome of reading a persisted or shared document: never throws, always says why. */
export type ReadResult<T> =
  | { ok: true; value: T; migratedFrom?: number }
  | { ok: false; reason: 'not-json' | 'wrong-format' | 'too-new' | 'invalid'; message: string; path?: string };

/** One migration step: takes a document of version v and returns version v + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedSpec<T> {
  format: string;
  /** Human name used in messages, e.g. "design". */
  noun: string;
  currentVersion: number;
  /** migrations[v] upgrades v → v+1. Must cover 1 .. currentVersion-1 with no gaps. */
  migrations: Readonly<Record<number, Migration>>;
  /** Schema of the latest shape only; old shapes live as test fixtures. */
  schema: z.ZodType<T>;
}

export function assertContiguous(spec: Pick<VersionedSpec<unknown>, 'currentVersion' | 'migrations'>): void {
  for (let v = 1; v < spec.currentVersion; v++) {
    if (typeof spec.migrations[v] !== 'function') throw new Error(`missing migration ${v} → ${v + 1}`);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parse text as JSON, then read it as a versioned document. */
export function readVersionedText<T>(text: string, spec: VersionedSpec<T>): ReadResult<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: 'not-json', message: `This is not valid JSON (${detail}).` };
  }
  return readVersioned(raw, spec);
}

/** Check format and version, run migrations in order, then validate against the latest schema. */
export function readVersioned<T>(raw: unknown, spec: VersionedSpec<T>): ReadResult<T> {
  if (!isRecord(raw)) {
    return { ok: false, reason: 'wrong-format', message: `Expected a ${spec.noun} object, got ${describeType(raw)}.` };
  }
  if (raw.format !== spec.format) {
    const got = typeof raw.format === 'string' ? `"${raw.format}"` : 'no format field';
    return { ok: false, reason: 'wrong-format', path: 'format', message: `Not a ${spec.noun} file: expected format "${spec.format}", found ${got}.` };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', path: 'version', message: 'The "version" field must be a positive whole number.' };
  }
  if (version > spec.currentVersion) {
    return {
      ok: false,
      reason: 'too-new',
      path: 'version',
      message: `This ${spec.noun} was made by a newer version of MLSD Studio (format version ${version}; this app reads up to ${spec.currentVersion}). Update the app to open it.`,
    };
  }
  let doc: Record<string, unknown> = raw;
  for (let v = version; v < spec.currentVersion; v++) {
    const step = spec.migrations[v];
    if (!step) return { ok: false, reason: 'invalid', message: `No upgrade path from ${spec.noun} version ${v}.` };
    try {
      doc = { ...step(doc), version: v + 1 };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return { ok: false, reason: 'invalid', message: `Could not upgrade ${spec.noun} from version ${v}: ${detail}` };
    }
  }
  const parsed = spec.schema.safeParse(doc);
  if (!parsed.success) {
    const { path, message } = describeZodError(parsed.error);
    return { ok: false, reason: 'invalid', path, message: `Invalid ${spec.noun}: ${message}` };
  }
  return version === spec.currentVersion ? { ok: true, value: parsed.data } : { ok: true, value: parsed.data, migratedFrom: version };
}

function describeType(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return `a ${typeof x}`;
}
