import { applyEdits, type Edit } from './edits.ts';
import { scanMarkdown, type Scan } from './scan.ts';

export interface GuideRange {
  /** Offsets of "<!--" and just after "-->" (the end of the text when unclosed). */
  from: number;
  to: number;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  /** The guidance text, without the comment markers. */
  text: string;
  closed: boolean;
}

/** Guide comments a renderer would see (not inside code), for the editor to show faintly. */
export function guideRanges(markdown: string): GuideRange[] {
  return scanMarkdown(markdown).comments
    .filter((c) => c.guide)
    .map((c) => ({ from: c.start, to: c.end, line: c.startLine + 1, endLine: c.endLine + 1, text: c.inner, closed: c.closed }));
}

/** Edits that remove closed guide comments: whole lines when the comment stands alone, else just the comment. */
export function guideEdits(scan: Scan, text: string): Edit[] {
  const edits: Edit[] = [];
  for (const c of scan.comments) {
    if (!c.guide || !c.closed) continue;
    const first = scan.lines[c.startLine]!;
    const last = scan.lines[c.endLine]!;
    const alone = text.slice(first.start, c.start).trim() === '' && (last.after ?? '').trim() === '';
    if (alone) {
      const next = scan.lines[c.endLine + 1];
      edits.push({ start: first.start, end: next ? next.start : text.length, text: '' });
    } else {
      const trailing = /^[ \t]*/.exec(text.slice(c.end))![0].length;
      edits.push({ start: c.start, end: c.end + trailing, text: '' });
    }
  }
  return edits;
}

/** The doc without its guide comments (what an exported file or a reader should see of the prose). */
export function stripGuides(markdown: string): string {
  return applyEdits(markdown, guideEdits(scanMarkdown(markdown), markdown));
}
