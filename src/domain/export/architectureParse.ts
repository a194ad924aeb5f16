import { MAX_EDGES, MAX_NODES } from '../design/schema.ts';
import { stageOfTitle } from './kindGuess.ts';
import { parseHint } from './mermaidHints.ts';
import { MermaidSyntaxError, quoted, type RawGraph } from './mermaidSource.ts';
import { plainLabel, quotedLabel } from './mermaidText.ts';

/**
 * Mermaid `architecture-beta`: services, groups and side-anchored edges (`db:R --> L:server`).
 * Line based; each pattern is anchored and has no two quantifiers competing for the same characters.
 */

const SERVICE = /^(service|group)\s+([\w-]+)(?:\(([^()\s]*)\))?(?:\[([^\]]*)\])?(?:\s+in\s+([\w-]+))?$/;
const JUNCTION = /^junction\s+([\w-]+)(?:\s+in\s+([\w-]+))?$/;
const EDGE = /^([\w-]+)(?:\{group\})?\s*:\s*([LRTB])\s*(<?)--(>?)\s*([LRTB])\s*:\s*([\w-]+)(?:\{group\})?$/;
const SKIP = /^(?:title\s|accTitle\s*:|accDescr\s*:)/;

/** Icons that say what a service is, as words the kind guess knows. */
const ICON_WORDS: Readonly<Record<string, string>> = { database: 'database', disk: 'object store', internet: 'client' };

function title(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? quotedLabel(t.slice(1, -1)) : plainLabel(t);
}

export function parseArchitectureBody(lines: readonly string[], firstLine: number, graph: RawGraph): void {
  const groups = new Map<string, { title: string | undefined; parent: string | undefined }>();
  const services: { id: string; icon?: string; title?: string; group?: string; line: number }[] = [];
  const junctions = new Set<string>();
  const edges: { from: string; to: string; line: number; twoWay: boolean }[] = [];

  lines.forEach((rawLine, i) => {
    const line = firstLine + i;
    const text = rawLine.trim();
    if (text === '' || SKIP.test(text)) return;
    if (text.startsWith('%%')) {
      const hint = parseHint(text);
      if (hint) graph.hints.push({ hint, line });
      return;
    }
    const s = SERVICE.exec(text);
    if (s) {
      const [, what, id, icon, t, parent] = s;
      if (what === 'group') {
        groups.set(id!, { title: title(t), parent });
        graph.groups.add(id!);
      } else {
        if (services.length >= MAX_NODES) throw new MermaidSyntaxError(line, `more than ${MAX_NODES} services: a design holds at most ${MAX_NODES} nodes`);
        services.push({ id: id!, line, ...(icon ? { icon } : {}), ...(t !== undefined ? { title: title(t)! } : {}), ...(parent ? { group: parent } : {}) });
      }
      return;
    }
    const j = JUNCTION.exec(text);
    if (j) {
      junctions.add(j[1]!);
      return;
    }
    const e = EDGE.exec(text);
    if (e) {
      const [, a, , back, forward, , b] = e;
      if (edges.length >= MAX_EDGES) throw new MermaidSyntaxError(line, `more than ${MAX_EDGES} edges: a design holds at most ${MAX_EDGES}`);
      // "a <-- b" points at a; "--" and "<-->" read in writing order.
      if (back && !forward) edges.push({ from: b!, to: a!, line, twoWay: false });
      else edges.push({ from: a!, to: b!, line, twoWay: Boolean(back && forward) });
      return;
    }
    throw new MermaidSyntaxError(line, `cannot read ${quoted(text)} in architecture-beta: expected "service id(icon)[Title]", "group ...", "junction ..." or an edge like "a:R --> L:b"`);
  });

  /** The nearest group title (inner first) that names a stage, else the service's own group title. */
  const groupTitle = (group: string | undefined): string | undefined => {
    let first: string | undefined;
    for (let g = group, depth = 0; g !== undefined && depth < 32; depth++) {
      const info = groups.get(g);
      if (!info) break;
      first ??= info.title;
      if (stageOfTitle(info.title)) return info.title;
      g = info.parent;
    }
    return first;
  };

  for (const s of services) {
    const iconName = s.icon?.split(':').at(-1);
    const extra = iconName ? (ICON_WORDS[iconName] ?? iconName) : undefined;
    graph.nodes.set(s.id, {
      mid: s.id,
      line: s.line,
      ...(s.title !== undefined ? { label: s.title } : {}),
      ...(iconName === 'database' || iconName === 'disk' ? { shape: 'cylinder' as const } : {}),
      ...(extra ? { extra } : {}),
      ...(groupTitle(s.group) ? { groupTitle: groupTitle(s.group)! } : {}),
    });
  }
  for (const e of edges) {
    if (junctions.has(e.from) || junctions.has(e.to)) {
      graph.warnings.push(`line ${e.line}: edge ${quoted(e.from)} → ${quoted(e.to)} goes through a junction; junctions are not imported`);
      continue;
    }
    if (e.twoWay) graph.warnings.push(`line ${e.line}: two-way edge imported one way, ${quoted(e.from)} → ${quoted(e.to)}`);
    graph.edges.push({ from: e.from, to: e.to, line: e.line });
  }
}
