import type { VersionContent } from './content.ts';
import { designDiffIsEmpty, diffDesigns, type DesignDiff } from './diffDesign.ts';
import { diffLines, type TextDiff } from './diffText.ts';

export interface DocDiff extends TextDiff {
  retitled: boolean;
  /** The attached design (whose live blocks the doc shows) differs. */
  designChanged: boolean;
  /** Characters added minus removed, for the "big change" rule. */
  charDelta: number;
  /** Length of the older text. */
  oldLength: number;
}

export type ContentDiff = ({ kind: 'design' } & DesignDiff) | ({ kind: 'doc' } & DocDiff);

/** What changed from `a` (older) to `b` (newer); null when they are of different kinds. */
export function diffContent(a: VersionContent, b: VersionContent): ContentDiff | null {
  if (a.kind === 'design' && b.kind === 'design') return { kind: 'design', ...diffDesigns(a.design, b.design) };
  if (a.kind === 'doc' && b.kind === 'doc') {
    const x = a.doc;
    const y = b.doc;
    return { kind: 'doc', ...diffLines(x.markdown, y.markdown), retitled: x.title !== y.title, designChanged: x.designId !== y.designId, charDelta: y.markdown.length - x.markdown.length, oldLength: x.markdown.length };
  }
  return null;
}

/** No change a person would care about (a doc's timestamps are not content). */
export function diffIsEmpty(d: ContentDiff): boolean {
  if (d.kind === 'design') return designDiffIsEmpty(d);
  return d.linesAdded === 0 && d.linesRemoved === 0 && !d.retitled && !d.designChanged && d.charDelta === 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function designParts(d: DesignDiff): string[] {
  const parts: string[] = [];
  const nodes = [d.nodesAdded && `${d.nodesAdded} added`, d.nodesRemoved && `${d.nodesRemoved} removed`, d.nodesChanged && `${d.nodesChanged} changed`, d.nodesMoved && `${d.nodesMoved} moved`].filter(Boolean);
  if (nodes.length) parts.push(`components: ${nodes.join(', ')}`);
  const edges = [d.edgesAdded && `${d.edgesAdded} added`, d.edgesRemoved && `${d.edgesRemoved} removed`, d.edgesChanged && `${d.edgesChanged} changed`].filter(Boolean);
  if (edges.length) parts.push(`connections: ${edges.join(', ')}`);
  if (d.workloadChanged) parts.push('workload changed');
  if (d.renamed) parts.push('renamed');
  return parts;
}

/** One line for the version list, e.g. "components: 2 added, 1 moved; connections: 1 added". */
export function describeDiff(d: ContentDiff): string {
  if (diffIsEmpty(d)) return 'Same as now';
  if (d.kind === 'design') return designParts(d).join('; ');
  const parts: string[] = [];
  if (d.linesAdded || d.linesRemoved) parts.push(`${plural(d.linesAdded, 'line')} added, ${d.linesRemoved} removed`);
  else if (d.charDelta) parts.push('text edited within lines');
  if (d.retitled) parts.push('title changed');
  if (d.designChanged) parts.push('attached design changed');
  return parts.join('; ') || 'text edited within lines';
}
