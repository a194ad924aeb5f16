/**
 * One pass over Markdown lines that knows which lines are fenced code and which are HTML comments, so that
 * headings, guides and live blocks are only recognised where a Markdown renderer would see them. It is a
 * deliberately small subset of CommonMark: ATX headings, backtick/tilde fences and comments that start a line.
 */

export interface ScannedLine {
  /** 0-based line index. */
  index: number;
  /** Offset of the first character, and of the character after the last one (the newline is not included). */
  start: number;
  end: number;
  /** Line text without its line ending (a trailing "\r" is dropped too). */
  text: string;
  kind: 'text' | 'fence' | 'comment';
  /** For comment lines: the text after "-->" on the closing line, which a renderer still shows. */
  after?: string;
}

export interface Fence {
  /** Info string, trimmed (e.g. "mlsd-capacity", "mermaid"). */
  info: string;
  /** 0-based opening line and closing line; closeLine is null when the fence runs to the end of the text. */
  openLine: number;
  closeLine: number | null;
}

export interface Comment {
  guide: boolean;
  startLine: number;
  endLine: number;
  /** Offsets of "<!--" and just after "-->" (or the end of the text when unclosed). */
  start: number;
  end: number;
  closed: boolean;
  /** The text between "<!-- guide:" (or "<!--") and "-->", trimmed. */
  inner: string;
}

export interface Scan {
  lines: ScannedLine[];
  fences: Fence[];
  comments: Comment[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const GUIDE_OPEN = /^ {0,3}<!--\s*guide:/i;

function splitLines(text: string): ScannedLine[] {
  const lines: ScannedLine[] = [];
  let start = 0;
  for (let i = 0; ; i++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    lines.push({ index: i, start, end, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, kind: 'text' });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function isClosingFence(text: string, char: string, length: number): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(text);
  return m !== null && m[1]![0] === char && m[1]!.length >= length;
}

export function scanMarkdown(text: string): Scan {
  const lines = splitLines(text);
  const fences: Fence[] = [];
  const comments: Comment[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line.text);
    // A backtick fence's info string may not contain a backtick (CommonMark), else it is inline code.
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      const char = fence[1]![0]!;
      const length = fence[1]!.length;
      line.kind = 'fence';
      let j = i + 1;
      while (j < lines.length && !isClosingFence(lines[j]!.text, char, length)) lines[j++]!.kind = 'fence';
      const closed = j < lines.length;
      if (closed) lines[j]!.kind = 'fence';
      fences.push({ info: fence[2]!.trim(), openLine: i, closeLine: closed ? j : null });
      i = closed ? j + 1 : j;
      continue;
    }
    if (COMMENT_OPEN.test(line.text)) {
      const guide = GUIDE_OPEN.test(line.text);
      const openAt = line.start + line.text.indexOf('<!--');
      const innerFrom = openAt + (guide ? /<!--\s*guide:/i.exec(line.text)![0].length : 4);
      const closeAt = text.indexOf('-->', innerFrom);
      let j = i;
      if (closeAt !== -1) while (lines[j]!.end < closeAt) j++;
      else j = lines.length - 1;
      for (let k = i; k <= j; k++) lines[k]!.kind = 'comment';
      const end = closeAt === -1 ? text.length : closeAt + 3;
      if (closeAt !== -1) lines[j]!.after = text.slice(end, lines[j]!.start + lines[j]!.text.length);
      comments.push({ guide, startLine: i, endLine: j, start: openAt, end, closed: closeAt !== -1, inner: text.slice(innerFrom, closeAt === -1 ? text.length : closeAt).trim() });
      i = j + 1;
      continue;
    }
    i++;
  }
  return { lines, fences, comments };
}

export interface Heading {
  level: number;
  text: string;
  /** 0-based line index. */
  index: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** An ATX heading on a plain text line, or null. Setext (underlined) headings are not recognised. */
export function headingOf(line: ScannedLine): Heading | null {
  if (line.kind !== 'text') return null;
  const m = ATX.exec(line.text);
  if (!m) return null;
  const text = (m[2] ?? '').replace(/^#+$/, '').trim();
  return { level: m[1]!.length, text, index: line.index };
}
