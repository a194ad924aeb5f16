/** Lines added and removed from text `a` (older) to text `b` (newer). */
export interface TextDiff {
  linesAdded: number;
  linesRemoved: number;
}

/**
 * Counts, not an edit script: the common head and tail are trimmed, then the middle lines are compared as
 * multisets. Linear in the text's size (docs may be up to 1M characters), exact for the usual edits; a line
 * moved elsewhere in the middle counts as unchanged, which is fine for a summary.
 */
export function diffLines(a: string, b: string): TextDiff {
  if (a === b) return { linesAdded: 0, linesRemoved: 0 };
  const la = a.split('\n');
  const lb = b.split('\n');
  let head = 0;
  while (head < la.length && head < lb.length && la[head] === lb[head]) head++;
  let tail = 0;
  while (tail < la.length - head && tail < lb.length - head && la[la.length - 1 - tail] === lb[lb.length - 1 - tail]) tail++;
  const counts = new Map<string, number>();
  for (let i = head; i < la.length - tail; i++) counts.set(la[i]!, (counts.get(la[i]!) ?? 0) + 1);
  let linesAdded = 0;
  for (let i = head; i < lb.length - tail; i++) {
    const c = counts.get(lb[i]!) ?? 0;
    if (c > 0) counts.set(lb[i]!, c - 1);
    else linesAdded++;
  }
  let linesRemoved = 0;
  for (const c of counts.values()) linesRemoved += c;
  return { linesAdded, linesRemoved };
}
