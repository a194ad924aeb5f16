import { readDesign } from '../design/format.ts';
import type { Design } from '../design/schema.ts';
import { readDoc, type DesignDoc } from '../doc/format.ts';
import type { TargetKind } from './format.ts';

/** A snapshot's content once read through its own format: what diffs, previews and restores work on. */
export type VersionContent = { kind: 'design'; design: Design } | { kind: 'doc'; doc: DesignDoc };

/** Read stored content as its kind's document; null when it no longer reads (e.g. made by a newer app). */
export function readContent(kind: TargetKind, raw: unknown): VersionContent | null {
  if (kind === 'design') {
    const r = readDesign(raw);
    return r.ok ? { kind, design: r.value } : null;
  }
  const r = readDoc(raw);
  return r.ok ? { kind, doc: r.value } : null;
}

/** Order-insensitive deep equality of JSON values: stored and in-memory objects may list keys differently. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // Undefined-valued keys are absent once written to JSON or IndexedDB-cloned by some paths; ignore them.
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson(ra[k], rb[k]));
}
