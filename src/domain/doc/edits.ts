/** A replacement of text[start, end) — kept as offsets so untouched bytes are copied, never re-serialised. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping edits in one pass. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
