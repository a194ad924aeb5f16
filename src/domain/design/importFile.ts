import { formatBytes } from '../files/size.ts';
import type { ReadResult } from '../versioning/readVersioned.ts';
import { readDesignText } from './format.ts';
import { fillMissingPositions } from './layout.ts';
import type { Design } from './schema.ts';

/** Design files are small; anything bigger is almost surely the wrong file, and parsing it would freeze the tab. */
export const MAX_DESIGN_FILE_BYTES = 5 * 1024 * 1024;


/** Check size, parse, migrate and validate an imported design file; give it positions if it has none. */
export function importDesignFile(text: string, sizeBytes: number): ReadResult<Design> {
  if (sizeBytes > MAX_DESIGN_FILE_BYTES) {
    return { ok: false, reason: 'invalid', message: `This file is ${formatBytes(sizeBytes)}; design files are at most ${formatBytes(MAX_DESIGN_FILE_BYTES)}.` };
  }
  const r = readDesignText(text);
  return r.ok ? { ...r, value: fillMissingPositions(r.value) } : r;
}
