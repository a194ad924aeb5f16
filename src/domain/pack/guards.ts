import { formatBytes } from '../files/size.ts';

/**
 * Cheap checks on a pack's text that run before JSON.parse, so a 50 MB file or a `[[[[…` bomb is refused in one
 * linear pass instead of being parsed into memory and walked by recursive code (the schema, the UI).
 */

/** A generous bound: the 10 bundled scenarios with their designs are well under 1 MB. */
export const MAX_PACK_BYTES = 10 * 1024 * 1024;
/** A real pack nests about 8 levels (pack → scenarios → scenario → referenceDesign → nodes → node → params). */
export const MAX_PACK_DEPTH = 64;


/** The message for a pack file of `bytes` bytes, or null when the size is fine; the app checks File.size with it. */
export function packSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_PACK_BYTES) return null;
  return `This pack file is ${formatBytes(bytes)}; a pack may be at most ${formatBytes(MAX_PACK_BYTES)}.`;
}

/** UTF-8 length of a string without encoding it (no 10 MB copy just to measure). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The offset of the first `[` or `{` that opens a level deeper than `limit`, or -1. Brackets inside strings do
 * not count; the scan does not check that the text is JSON (JSON.parse does that next).
 */
export function depthExceededAt(text: string, limit = MAX_PACK_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character, which may be a quote
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Size first (the cheap test), then nesting; null when the text may be parsed. */
export function packTextProblem(text: string): string | null {
  const size = packSizeProblem(utf8ByteLength(text));
  if (size) return size;
  const at = depthExceededAt(text);
  if (at >= 0) return `This pack nests deeper than ${MAX_PACK_DEPTH} levels (at character ${at + 1}); a real pack needs about 8.`;
  return null;
}
