/**
 * `%% mlsd:` comments: what a diagram cannot say by itself but an import needs to restore a design
 * exactly. Mermaid ignores them, so the diagram still renders anywhere.
 *
 *   %% mlsd: node <mermaid-id> kind=<kind> [id=<design-id>]
 *   %% mlsd: edge <from> <to> [calls=<n>] [hit=<n>]
 */

export const HINT_PREFIX = '%% mlsd:';

export type Hint =
  | { type: 'node'; mid: string; kind?: string; id?: string }
  | { type: 'edge'; from: string; to: string; calls?: number; hit?: number };

export function nodeHint(mid: string, kind: string, id?: string): string {
  return `${HINT_PREFIX} node ${mid} kind=${kind}${id !== undefined && id !== mid ? ` id=${id}` : ''}`;
}

export function edgeHint(from: string, to: string, calls: number | undefined, hit: number | undefined): string {
  return `${HINT_PREFIX} edge ${from} ${to}${calls !== undefined ? ` calls=${calls}` : ''}${hit !== undefined ? ` hit=${hit}` : ''}`;
}

/** Parse the text after "%%"; undefined when the comment is not a well-formed hint. */
export function parseHint(comment: string): Hint | undefined {
  const m = /^%%\s*mlsd:\s*(.*)$/.exec(comment.trim());
  if (!m) return undefined;
  const parts = m[1]!.trim().split(/\s+/);
  const [type, a, b, ...rest] = parts;
  const keyed = (from: readonly string[]) => new Map(from.filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  if (type === 'node' && a) {
    const kv = keyed([b ?? '', ...rest]);
    const hint: Hint = { type: 'node', mid: a };
    if (kv.get('kind')) hint.kind = kv.get('kind')!;
    if (kv.get('id')) hint.id = kv.get('id')!;
    return hint;
  }
  if (type === 'edge' && a && b) {
    const kv = keyed(rest);
    const hint: Hint = { type: 'edge', from: a, to: b };
    const calls = kv.has('calls') ? Number(kv.get('calls')) : undefined;
    const hit = kv.has('hit') ? Number(kv.get('hit')) : undefined;
    if (calls !== undefined) hint.calls = calls;
    if (hit !== undefined) hint.hit = hit;
    return hint;
  }
  return undefined;
}

const short = (n: number) => String(Number(n.toPrecision(4)));

/**
 * What a reader sees on an edge: "×3 · 80% hit · label". The numbers are rounded for reading; the exact
 * ones are in the edge hint, and an import strips this same prefix to get the label back.
 */
export function edgeNumbersText(calls: number | undefined, hit: number | undefined): string {
  const parts: string[] = [];
  if (calls !== undefined) parts.push(`×${short(calls)}`);
  if (hit !== undefined) parts.push(`${short(hit * 100)}% hit`);
  return parts.join(' · ');
}

export function edgeText(calls: number | undefined, hit: number | undefined, label: string | undefined): string {
  return [edgeNumbersText(calls, hit), label ?? ''].filter((p) => p !== '').join(' · ');
}

/** The label part of an edge's text, given the numbers its hint says were written before it. */
export function labelAfterNumbers(text: string, calls: number | undefined, hit: number | undefined): string | undefined {
  const prefix = edgeNumbersText(calls, hit);
  if (prefix === '') return text === '' ? undefined : text;
  if (text === prefix) return undefined;
  if (text.startsWith(`${prefix} · `)) return text.slice(prefix.length + 3);
  return text === '' ? undefined : text;
}
