import type { Hint } from './mermaidHints.ts';
import type { Shape } from './mermaidShapes.ts';

/** What the diagram parsers produce: Mermaid's own ids and texts, before any mapping to a Design. */
export interface RawNode {
  mid: string;
  /** Decoded text shown in the box; undefined for a bare id. */
  label?: string;
  shape?: Shape;
  /** Title of the enclosing subgraph or group that names a stage, else the innermost one. */
  groupTitle?: string;
  /** Extra words that describe the node (an architecture icon name). */
  extra?: string;
  line: number;
}

export interface RawEdge {
  from: string;
  to: string;
  text?: string;
  line: number;
}

export interface RawGraph {
  title?: string;
  nodes: Map<string, RawNode>;
  edges: RawEdge[];
  /** Subgraph and group ids: Mermaid lets edges point at them, a Design cannot. */
  groups: Set<string>;
  hints: { hint: Hint; line: number }[];
  warnings: string[];
}

/** A refusal with the 1-based line it is about; caught once at the import entry point. */
export class MermaidSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Offsets → 1-based line numbers, by binary search over where each line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** A short, printable excerpt for error messages. */
export function excerpt(text: string, at: number): string {
  const rest = text.slice(at, at + 24).split('\n')[0]!;
  return rest.length === 0 ? 'end of line' : `"${rest}"`;
}

/** A name from the diagram, quoted and cut short so a message stays one readable line. */
export function quoted(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}
