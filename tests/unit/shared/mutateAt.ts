/* eslint-disable @typescript-eslint/no-explicit-any -- walks arbitrary parsed JSON */

/**
 * Replace the value at a path of a parsed JSON object, in place. The path is picked by indices into each level's
 * keys (taken modulo their count), so a property test's random numbers always land on a real field: near-valid
 * inputs, which find more than random JSON does.
 */
export function mutateAt(raw: any, steps: number[], value: unknown): any {
  let node = raw;
  for (const [i, step] of steps.entries()) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    if (i === steps.length - 1 || node[key] === null || typeof node[key] !== 'object') {
      node[key] = value;
      break;
    }
    node = node[key];
  }
  return raw;
}
