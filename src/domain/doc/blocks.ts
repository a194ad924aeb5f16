import type { BlockContext } from './blockContext.ts';
import { liveKindOf, type LiveBlockKind } from './liveKinds.ts';
import { renderCapacity } from './renderCapacity.ts';
import { renderDiagram } from './renderDiagram.ts';
import { renderLatencyBudget } from './renderLatencyBudget.ts';
import { applyEdits } from './edits.ts';
import { guideEdits } from './guides.ts';
import { scanMarkdown, type Scan } from './scan.ts';

export type { BlockContext } from './blockContext.ts';
export { LIVE_BLOCK_KINDS, liveFenceInfo, type LiveBlockKind } from './liveKinds.ts';
export { stripGuides } from './guides.ts';

export interface LiveBlock {
  kind: LiveBlockKind;
  /** 1-based lines of the opening and closing fence (endLine is the last line when unclosed). */
  line: number;
  endLine: number;
  /** Offsets: from the opening fence to the end of the closing fence line (line ending excluded). */
  start: number;
  end: number;
  /** An unclosed fence swallows the rest of the doc; it is reported, never frozen. */
  closed: boolean;
}

function blocksOf(scan: Scan, text: string): LiveBlock[] {
  const out: LiveBlock[] = [];
  for (const f of scan.fences) {
    const kind = liveKindOf(f.info);
    if (!kind) continue;
    const last = scan.lines[f.closeLine ?? scan.lines.length - 1]!;
    const end = f.closeLine === null ? text.length : last.start + last.text.length;
    out.push({ kind, line: f.openLine + 1, endLine: last.index + 1, start: scan.lines[f.openLine]!.start, end, closed: f.closeLine !== null });
  }
  return out;
}

/** Live blocks (```mlsd-diagram, ```mlsd-capacity, ```mlsd-latency-budget) outside other code and comments. */
export function findLiveBlocks(markdown: string): LiveBlock[] {
  return blocksOf(scanMarkdown(markdown), markdown);
}

const NOUN: Record<LiveBlockKind, string> = { diagram: 'diagram', capacity: 'capacity estimate', 'latency-budget': 'latency budget' };

/** Frozen Markdown for one live block; without an attached design, a short note says what is missing. */
export function renderLiveBlock(kind: LiveBlockKind, ctx: BlockContext | null): string {
  if (!ctx) return `_No design is attached to this doc, so there is no ${NOUN[kind]} to show._`;
  switch (kind) {
    case 'diagram':
      return renderDiagram(ctx.mermaid);
    case 'capacity':
      return renderCapacity(ctx);
    case 'latency-budget':
      return renderLatencyBudget(ctx);
  }
}

/**
 * The exported doc: every closed live block becomes its frozen Markdown and guide comments go; every other byte
 * stays as written. Unclosed live blocks and unclosed comments are left alone (the completeness check names them)
 * because replacing them would delete the rest of the doc.
 */
export function freezeDoc(markdown: string, ctx: BlockContext | null): string {
  const scan = scanMarkdown(markdown);
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const edits = guideEdits(scan, markdown);
  for (const b of blocksOf(scan, markdown)) {
    if (b.closed) edits.push({ start: b.start, end: b.end, text: renderLiveBlock(b.kind, ctx).replace(/\n/g, eol) });
  }
  return applyEdits(markdown, edits);
}
