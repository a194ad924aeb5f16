import { formatBytes } from '../files/size.ts';
import type { Design } from '../design/schema.ts';
import { parseArchitectureBody } from './architectureParse.ts';
import { parseFlowchartBody } from './flowchartParse.ts';
import { graphToDesign } from './mermaidGraph.ts';
import { parseHint } from './mermaidHints.ts';
import { LineIndex, MermaidSyntaxError, quoted, type RawGraph } from './mermaidSource.ts';

/** Real diagrams are a few KB; past this the text is almost surely not a diagram meant for a design. */
export const MAX_MERMAID_BYTES = 1024 * 1024;

export type MermaidImportResult = { ok: true; design: Design; warnings: string[] } | { ok: false; line: number; message: string };

const FLOWCHART = new Set(['flowchart', 'graph', 'flowchart-elk']);
const ARCHITECTURE = new Set(['architecture-beta', 'architecture']);
const DIRECTIONS = new Set(['TB', 'TD', 'BT', 'RL', 'LR', '>', '<', '^', 'v']);
const OTHER_DIAGRAMS = new Set([
  'sequencediagram', 'classdiagram', 'classdiagram-v2', 'statediagram', 'statediagram-v2', 'erdiagram', 'journey', 'gantt', 'pie',
  'quadrantchart', 'requirementdiagram', 'requirement', 'gitgraph', 'c4context', 'c4container', 'c4component', 'c4dynamic', 'c4deployment',
  'mindmap', 'timeline', 'zenuml', 'sankey-beta', 'sankey', 'xychart-beta', 'xychart', 'block-beta', 'block', 'packet-beta', 'packet',
  'kanban', 'radar-beta', 'treemap-beta', 'treemap', 'info',
]);
const HEADER_WORD = /[A-Za-z][\w-]*/y;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** `title:` from a YAML front matter block; only that key matters here. */
function frontMatterTitle(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = /^title:[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const v = m[1]!.trim();
    if (v.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(v);
        if (typeof parsed === 'string') return parsed;
      } catch {
        return v.slice(1, v.endsWith('"') ? -1 : undefined);
      }
    }
    if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
    return v;
  }
  return undefined;
}

/** Markdown (a README) with a ```mermaid block: read the first such block, other lines blanked so line numbers still match the file. */
function firstFencedBlock(src: string): string {
  const lines = src.split('\n');
  const start = lines.findIndex((l) => /^\s{0,3}(```|~~~)\s*mermaid\s*$/.test(l));
  if (start < 0) return src;
  const fence = lines[start]!.trim().slice(0, 3);
  const close = lines.findIndex((l, i) => i > start && l.trim() === fence);
  const end = close < 0 ? lines.length : close;
  return lines.map((l, i) => (i > start && i < end ? l : '')).join('\n');
}

/**
 * Read a Mermaid flowchart (or architecture-beta diagram), alone or as the first ```mermaid block of Markdown, into a Design. Refusals name the 1-based
 * line; everything imported with a guess or loss is listed in `warnings`.
 */
export function mermaidToDesign(text: string, opts: { name?: string } = {}): MermaidImportResult {
  // Length in UTF-16 units never exceeds the UTF-8 byte count, so the cheap test settles most huge inputs.
  if (text.length > MAX_MERMAID_BYTES || utf8Length(text) > MAX_MERMAID_BYTES) {
    const size = text.length > 4 * MAX_MERMAID_BYTES ? `at least ${formatBytes(text.length)}` : formatBytes(utf8Length(text));
    return { ok: false, line: 1, message: `the diagram is ${size}; Mermaid import reads at most ${formatBytes(MAX_MERMAID_BYTES)}` };
  }
  const src = firstFencedBlock(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const lines = new LineIndex(src);
  const graph: RawGraph = { nodes: new Map(), edges: [], groups: new Set(), hints: [], warnings: [] };
  try {
    // Front matter comes first; blank lines before it are those a Markdown block had above.
    let pos = /^\n*/.exec(src)![0].length;
    if (/^---[ \t]*\n/.test(src.slice(pos, pos + 8))) {
      const open = pos;
      const close = /\n---[ \t]*(?:\n|$)/g;
      close.lastIndex = open + 3;
      const m = close.exec(src);
      if (!m) return { ok: false, line: lines.lineAt(open), message: 'front matter opened with "---" is never closed with "---"' };
      const title = frontMatterTitle(src.slice(src.indexOf('\n', open) + 1, m.index).split('\n'));
      if (title !== undefined) graph.title = title;
      pos = m.index + m[0].length;
    }
    for (;;) {
      while (pos < src.length && /\s/.test(src[pos]!)) pos++;
      if (src.startsWith('%%{', pos)) {
        const close = src.indexOf('}%%', pos);
        if (close < 0) return { ok: false, line: lines.lineAt(pos), message: 'directive "%%{" is never closed with "}%%"' };
        pos = close + 3;
      } else if (src.startsWith('%%', pos)) {
        const end = src.indexOf('\n', pos);
        const stop = end < 0 ? src.length : end;
        const hint = parseHint(src.slice(pos, stop));
        if (hint) graph.hints.push({ hint, line: lines.lineAt(pos) });
        pos = stop;
      } else break;
    }
    if (pos >= src.length) return { ok: false, line: 1, message: 'no diagram: expected a header such as "flowchart LR" or "graph TD"' };
    const headerLine = lines.lineAt(pos);
    HEADER_WORD.lastIndex = pos;
    const word = HEADER_WORD.exec(src)?.[0] ?? '';
    const lower = word.toLowerCase();
    if (FLOWCHART.has(lower)) {
      pos += word.length;
      while (src[pos] === ' ' || src[pos] === '\t') pos++;
      let end = pos;
      while (end < src.length && !/[\s;]/.test(src[end]!)) end++;
      const direction = src.slice(pos, end);
      if (direction !== '' && !DIRECTIONS.has(direction.toUpperCase()) && !DIRECTIONS.has(direction)) {
        return { ok: false, line: headerLine, message: `unknown direction ${quoted(direction)}: use TB, TD, BT, LR or RL` };
      }
      parseFlowchartBody(src, end, lines, graph);
    } else if (ARCHITECTURE.has(lower)) {
      const bodyStart = src.indexOf('\n', pos);
      const rest = src.slice(pos + word.length, bodyStart < 0 ? src.length : bodyStart).trim();
      if (rest !== '') return { ok: false, line: headerLine, message: `unexpected ${quoted(rest)} after "${word}"` };
      if (bodyStart >= 0) parseArchitectureBody(src.slice(bodyStart + 1).split('\n'), headerLine + 1, graph);
    } else if (OTHER_DIAGRAMS.has(lower)) {
      return { ok: false, line: headerLine, message: `${word} diagrams are not supported: import reads flowchart/graph diagrams (and architecture-beta)` };
    } else {
      const shown = word || src.slice(pos, pos + 20).split('\n')[0]!;
      return { ok: false, line: headerLine, message: `not a Mermaid flowchart: expected a header such as "flowchart LR" or "graph TD", found ${quoted(shown)}` };
    }
  } catch (err) {
    if (err instanceof MermaidSyntaxError) return { ok: false, line: err.line, message: err.message };
    throw err;
  }
  return graphToDesign(graph, opts.name);
}
