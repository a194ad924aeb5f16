import { formatPath } from '../versioning/zodMessage.ts';
import type { ReadResult } from '../versioning/readVersioned.ts';
import { readPack } from './format.ts';
import { packMigrations } from './migrations.ts';
import { PACK_VERSION, packSchema, type Pack } from './schema.ts';

export interface PackProblem {
  /** Where in the file, e.g. scenarios[2].followUps[0].dimension; '' for the file as a whole. */
  path: string;
  message: string;
}

/** Enough to fix a file in one pass without burying the first problem. */
export const MAX_LISTED_PROBLEMS = 50;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Every schema problem of a value that failed `readPack`, for pack authors (readPack stops at the first, which
 * is what an import dialog wants). Format, version and upgrade failures are single problems already.
 */
export function listPackProblems(raw: unknown, result: ReadResult<Pack> = readPack(raw)): PackProblem[] {
  if (result.ok) return [];
  const single = [{ path: result.path ?? '', message: result.message }];
  if (result.reason !== 'invalid' || !isRecord(raw) || typeof raw.version !== 'number' || raw.version > PACK_VERSION) return single;
  let doc: Record<string, unknown> = raw;
  try {
    for (let v = raw.version; v < PACK_VERSION; v++) doc = { ...packMigrations[v]!(doc), version: v + 1 };
  } catch {
    return single;
  }
  const parsed = packSchema.safeParse(doc);
  if (parsed.success) return single;
  const all = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  if (all.length <= MAX_LISTED_PROBLEMS) return all;
  return [...all.slice(0, MAX_LISTED_PROBLEMS), { path: '', message: `… and ${all.length - MAX_LISTED_PROBLEMS} more problems` }];
}

/**
 * Things that do not stop a pack from loading but that its author may want to know: a design linked to a
 * scenario the pack does not carry only links if the library already has that scenario.
 */
export function packWarnings(pack: Pack): PackProblem[] {
  const ids = new Set(pack.scenarios.map((s) => s.id));
  return (pack.designs ?? []).flatMap((d, i) =>
    d.scenarioId === undefined || ids.has(d.scenarioId)
      ? []
      : [{ path: `designs[${i}].scenarioId`, message: `design "${d.name}" names scenario "${d.scenarioId}", which is not in this pack; it stays linked only where that scenario is already installed` }],
  );
}
