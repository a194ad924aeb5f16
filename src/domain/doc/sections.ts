import { isLiveFence } from './liveKinds.ts';
import { headingOf, scanMarkdown, type Scan, type ScannedLine } from './scan.ts';

export interface OutlineEntry {
  level: number;
  text: string;
  /** 1-based line of the heading, for "jump to". */
  line: number;
}

export interface DocSection {
  /** Heading text; '' for the text before the first heading. */
  heading: string;
  /** 1–6; 0 for the text before the first heading. */
  level: number;
  /** 1-based line of the heading (of the first line for the preamble) and the last line of the section. */
  line: number;
  endLine: number;
  /** Words a reader sees: guide comments, other HTML comments, live blocks and heading lines do not count. */
  words: number;
  /** Live blocks (```mlsd-…) inside the section: they are content even though they hold no words. */
  liveBlocks: number;
}

/** Letters and digits, joined by ' ’ _ - and by . , / when another letter or digit follows (0.2, 3,000, req/s). */
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’_-]|[.,/](?=[\p{L}\p{N}]))*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Headings outside fenced code and comments, every level, in order. */
export function outline(markdown: string): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const line of scanMarkdown(markdown).lines) {
    const h = headingOf(line);
    if (h) out.push({ level: h.level, text: h.text, line: h.index + 1 });
  }
  return out;
}

/**
 * The text a reader sees on each line: comment lines keep only what follows "-->", live blocks vanish, and
 * ordinary fenced code stays (it is written content) without its delimiter lines.
 */
export function visibleLines(scan: Scan): { line: ScannedLine; visible: string; live: boolean }[] {
  const liveLines = new Set<number>();
  const delimiters = new Set<number>();
  for (const f of scan.fences) {
    delimiters.add(f.openLine);
    if (f.closeLine !== null) delimiters.add(f.closeLine);
    if (isLiveFence(f.info)) for (let i = f.openLine; i <= (f.closeLine ?? scan.lines.length - 1); i++) liveLines.add(i);
  }
  return scan.lines.map((line) => {
    const live = liveLines.has(line.index);
    let visible = line.text;
    if (line.kind === 'comment') visible = line.after ?? '';
    else if (live || delimiters.has(line.index)) visible = '';
    return { line, visible, live };
  });
}

/**
 * Flat split at headings of level ≤ maxLevel (deeper headings stay inside their section, as subsections).
 * Text before the first such heading becomes a level-0 section only when it holds something.
 */
export function splitSections(markdown: string, maxLevel = 2): DocSection[] {
  const scan = scanMarkdown(markdown);
  const rows = visibleLines(scan);
  const sections: DocSection[] = [];
  let cur: DocSection = { heading: '', level: 0, line: 1, endLine: 1, words: 0, liveBlocks: 0 };
  let preambleHasText = false;
  const liveOpen = new Set(scan.fences.filter((f) => isLiveFence(f.info)).map((f) => f.openLine));
  for (const { line, visible } of rows) {
    const h = headingOf(line);
    if (h && h.level <= maxLevel) {
      if (cur.level > 0 || preambleHasText) sections.push(cur);
      cur = { heading: h.text, level: h.level, line: line.index + 1, endLine: line.index + 1, words: 0, liveBlocks: 0 };
      continue;
    }
    cur.endLine = line.index + 1;
    if (liveOpen.has(line.index)) cur.liveBlocks++;
    if (!h) cur.words += countWords(visible);
    if (cur.level === 0 && (line.text.trim() !== '' || liveOpen.has(line.index))) preambleHasText = true;
  }
  if (cur.level > 0 || preambleHasText) sections.push(cur);
  return sections;
}

/**
 * A heading as a key for matching a doc to its template: case, numbering ("3.", "5.2)"), punctuation and
 * "&" vs "and" do not matter, so people may renumber or restyle headings.
 */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:\d+(?:\.\d+)+[.)]?|\d+[.)])\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
