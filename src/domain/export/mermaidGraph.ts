import { getKind, isKnownKind } from '../catalog/components.ts';
import { autoLayout } from '../design/layout.ts';
import { emptyDesign } from '../design/ops.ts';
import { designSchema, type Design, type DesignEdge, type DesignNode } from '../design/schema.ts';
import { guessKind } from './kindGuess.ts';
import { labelAfterNumbers, type Hint } from './mermaidHints.ts';
import { layerLayout } from './layerLayout.ts';
import { quoted, type RawGraph } from './mermaidSource.ts';

/** Above this many nodes dagre takes seconds; the linear layering keeps big imports quick. */
const DAGRE_MAX_NODES = 400;
const MAX_LABEL = 120;
const MAX_NAME = 200;
const VALID_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const DEFAULT_IMPORT_NAME = 'Imported Mermaid diagram';

type NodeHint = Extract<Hint, { type: 'node' }>;
type EdgeHint = Extract<Hint, { type: 'edge' }>;

export type BuildResult = { ok: true; design: Design; warnings: string[] } | { ok: false; line: number; message: string };

function clip(text: string, max: number, what: string, line: number, warnings: string[]): string {
  if (text.length <= max) return text;
  warnings.push(`line ${line}: ${what} cut to ${max} characters`);
  return text.slice(0, max);
}

/** A design id for a Mermaid id: kept when valid, else its unsafe characters become "-". */
function sanitizeId(mid: string): string {
  const s = mid.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60);
  return /[A-Za-z0-9]/.test(s) ? s : 'node';
}

function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base.slice(0, 60)}-${i}`;
  taken.add(id);
  return id;
}

/** Map the parsed diagram onto a Design: ids, kinds (hint, then words, then a fallback), edges, positions. */
export function graphToDesign(graph: RawGraph, name: string | undefined): BuildResult {
  const warnings = [...graph.warnings];
  const nodeHints = new Map<string, NodeHint & { line: number }>();
  const edgeHints = new Map<string, EdgeHint & { line: number }>();
  for (const { hint, line } of graph.hints) {
    if (hint.type === 'node') nodeHints.set(hint.mid, { ...hint, line });
    else edgeHints.set(`${hint.from}\u0000${hint.to}`, { ...hint, line });
  }

  // Subgraph ids can appear in edges but are groups, not components.
  const raws = [...graph.nodes.values()].filter((n) => !graph.groups.has(n.mid));

  // Ids named by hints first, so a sanitized id never takes a name a hint asked for.
  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  for (const raw of raws) {
    const h = nodeHints.get(raw.mid);
    if (h?.id === undefined) continue;
    if (!VALID_ID.test(h.id) || taken.has(h.id)) {
      warnings.push(`line ${h.line}: hint id ${quoted(h.id)} ignored: not a valid, unused node id`);
      continue;
    }
    taken.add(h.id);
    idOf.set(raw.mid, h.id);
  }
  for (const raw of raws) {
    if (idOf.has(raw.mid)) continue;
    const wanted = VALID_ID.test(raw.mid) ? raw.mid : sanitizeId(raw.mid);
    const id = unique(wanted, taken);
    if (id !== raw.mid) warnings.push(`line ${raw.line}: node id ${quoted(raw.mid)} imported as "${id}"`);
    idOf.set(raw.mid, id);
  }

  const nodes: DesignNode[] = raws.map((raw) => {
    const h = nodeHints.get(raw.mid);
    let kind: string;
    if (h?.kind !== undefined && isKnownKind(h.kind)) kind = h.kind;
    else {
      if (h?.kind !== undefined) warnings.push(`line ${h.line}: hint kind ${quoted(h.kind)} is not a known component kind`);
      // The first few hundred characters name a component if anything does; the cut bounds the work.
      const cut = (t: string | undefined) => t?.slice(0, 400);
      const guess = guessKind({ label: cut(raw.label), id: cut(raw.mid), extra: cut(raw.extra), shape: raw.shape, groupTitle: cut(raw.groupTitle) });
      kind = guess.kind;
      const name = getKind(kind)!.label;
      const what = quoted(raw.label ?? raw.mid);
      if (guess.from === 'default') warnings.push(`line ${raw.line}: ${what} matches no known component; imported as ${name} (${kind})`);
      else if (guess.from === 'shape') warnings.push(`line ${raw.line}: ${what} imported as ${name} (${kind}) because of its cylinder shape`);
      else if (guess.from === 'group') warnings.push(`line ${raw.line}: ${what} imported as ${name} (${kind}), the usual component of its ${quoted(raw.groupTitle ?? '')} group`);
    }
    const node: DesignNode = { id: idOf.get(raw.mid)!, kind };
    // A bare id shows as itself in Mermaid; a box showing its kind's catalog name needs no label of its own.
    const label = raw.label ?? raw.mid;
    if (label !== '' && label !== getKind(kind)!.label) node.label = clip(label, MAX_LABEL, 'label', raw.line, warnings);
    return node;
  });

  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  const usedHints = new Set<string>();
  for (const e of graph.edges) {
    const from = idOf.get(e.from);
    const to = idOf.get(e.to);
    if (from === undefined || to === undefined) {
      const group = [e.from, e.to].find((x) => graph.groups.has(x));
      warnings.push(`line ${e.line}: link ${quoted(e.from)} → ${quoted(e.to)} skipped: ${group ? `${quoted(group)} is a subgraph, and links to subgraphs are not imported` : 'it names a node that is not declared'}`);
      continue;
    }
    if (from === to) {
      warnings.push(`line ${e.line}: link from ${quoted(e.from)} to itself skipped`);
      continue;
    }
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) {
      warnings.push(`line ${e.line}: second link ${quoted(e.from)} → ${quoted(e.to)} merged into the first`);
      continue;
    }
    seen.add(key);
    const edge: DesignEdge = { from, to };
    const hintKey = `${e.from}\u0000${e.to}`;
    const h = edgeHints.get(hintKey);
    if (h) usedHints.add(hintKey);
    if (h?.calls !== undefined) {
      if (Number.isFinite(h.calls) && h.calls > 0 && h.calls <= 10_000) edge.callsPerRequest = h.calls;
      else warnings.push(`line ${h.line}: calls=${h.calls} ignored: must be above 0 and at most 10,000`);
    }
    if (h?.hit !== undefined) {
      if (Number.isFinite(h.hit) && h.hit >= 0 && h.hit <= 1) edge.hitRatio = h.hit;
      else warnings.push(`line ${h.line}: hit=${h.hit} ignored: must be between 0 and 1`);
    }
    const label = e.text === undefined ? undefined : labelAfterNumbers(e.text, h?.calls, h?.hit);
    if (label !== undefined && label !== '') edge.label = clip(label, MAX_LABEL, 'edge label', e.line, warnings);
    edges.push(edge);
  }
  for (const [key, h] of nodeHints) if (!graph.nodes.has(key)) warnings.push(`line ${h.line}: hint for node ${quoted(key)} names no node in the diagram`);
  for (const [key, h] of edgeHints) if (!usedHints.has(key)) warnings.push(`line ${h.line}: hint for edge ${quoted(h.from)} → ${quoted(h.to)} names no link in the diagram`);

  const title = (name ?? graph.title ?? '').trim().slice(0, MAX_NAME).trim() || DEFAULT_IMPORT_NAME;
  let design: Design = { ...emptyDesign(title), nodes, edges };
  if (nodes.length === 0) warnings.push('the diagram has no nodes');
  design = place(design);
  const checked = designSchema.safeParse(design);
  if (!checked.success) return { ok: false, line: 1, message: `the imported design does not validate: ${checked.error.issues[0]?.message ?? 'unknown problem'}` };
  return { ok: true, design: checked.data, warnings };
}

/**
 * Positions from dagre for small graphs, else from the linear layering. Dagre keys plain objects by node
 * id, so ids like "toString" or "__proto__" come back without a position; it gets neutral stand-in ids.
 */
function place(design: Design): Design {
  let at: Map<string, { x: number; y: number }>;
  if (design.nodes.length <= DAGRE_MAX_NODES) {
    const alias = new Map(design.nodes.map((n, i) => [n.id, `n${i}`]));
    const stand = { ...design, nodes: design.nodes.map((n) => ({ id: alias.get(n.id)!, kind: n.kind })), edges: design.edges.map((e) => ({ from: alias.get(e.from)!, to: alias.get(e.to)! })) };
    const laid = autoLayout(stand);
    at = new Map(design.nodes.map((n) => [n.id, laid.get(alias.get(n.id)!) ?? { x: 0, y: 0 }]));
  } else at = layerLayout(design);
  return { ...design, nodes: design.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? { x: 0, y: 0 } })) };
}
