/**
 * Node ids in exported Mermaid. Design ids are already [A-Za-z0-9_-], but Mermaid's lexer reads some of
 * them as syntax: keywords ("end", "graph", "style-1"), and "--" inside an id starts an arrow. Those get
 * a deterministic stand-in (the original id travels in a `%% mlsd:` hint); every other id is kept as is.
 */

/**
 * Words the flowchart lexer claims at the start of a token, also before a "-" (its rules end in \b);
 * found with Mermaid's own parser, compared case-folded to be safe.
 */
const KEYWORDS = new Set(['end', 'graph', 'flowchart', 'subgraph', 'swimlane', 'direction', 'style', 'linkstyle', 'classdef', 'class', 'click', 'call', 'href', 'interpolate', 'acctitle', 'accdescr', '_self', '_blank', '_parent', '_top']);

/** True when Mermaid reads the id back as the same node id. */
export function isSafeMermaidId(id: string): boolean {
  if (!/^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/.test(id)) return false;
  const lower = id.toLowerCase();
  const head = lower.split('-')[0]!;
  // The lexer's direction rule is /.*direction\s+LR/: "direction" anywhere in an id can swallow the next line.
  return !KEYWORDS.has(lower) && !KEYWORDS.has(head) && !lower.includes('direction');
}

/** Design id → Mermaid id, unique over the whole diagram and the same for the same design. */
export function mermaidIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set(ids.filter(isSafeMermaidId));
  for (const id of ids) {
    if (isSafeMermaidId(id)) {
      out.set(id, id);
      continue;
    }
    const base = `m_${id.replace(/-/g, '_').replace(/direction/gi, 'Direction')}`;
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}_${i}`;
    used.add(candidate);
    out.set(id, candidate);
  }
  return out;
}

/** A name (for a subgraph) that no node uses. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}_${i}`;
  return candidate;
}
