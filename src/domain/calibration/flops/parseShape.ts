/** Parses a shape written as '1x3x224x224' (also accepts ',' or '×' between dims, and '' or 'scalar' for []). */
export function parseShape(text: string): number[] {
  const t = text.trim();
  if (t === '' || t === 'scalar' || t === '[]') return [];
  const parts = t.replace(/^\[|\]$/g, '').split(/\s*[x×,]\s*/i);
  return parts.map((p) => {
    if (!/^\d+$/.test(p)) throw new Error(`"${text}" is not a shape: "${p}" is not a non-negative whole number (write e.g. 1x3x224x224)`);
    const d = Number(p);
    if (!Number.isSafeInteger(d)) throw new Error(`"${text}" is not a shape: ${p} is too large`);
    return d;
  });
}
