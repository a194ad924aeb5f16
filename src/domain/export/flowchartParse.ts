import { MAX_EDGES, MAX_NODES } from '../design/schema.ts';
import { stageOfTitle } from './kindGuess.ts';
import { parseHint } from './mermaidHints.ts';
import { NAMED_SHAPES, SHAPE_SYNTAX, type Shape } from './mermaidShapes.ts';
import { MermaidSyntaxError, excerpt, quoted, type LineIndex, type RawGraph } from './mermaidSource.ts';
import { markdownLabel, plainLabel, quotedLabel } from './mermaidText.ts';

/**
 * A hand-written scanner for Mermaid flowchart bodies. It walks the text once, left to right, and uses
 * only anchored (sticky) regexes with one quantifier per run, so no input can make it backtrack badly.
 * It accepts what people write in READMEs rather than Mermaid's full grammar; what it cannot read it
 * refuses with the line.
 */

/** Complete links: -->, ---, --o, --x, <-->, -.->, -.-, ==>, ===, ~~~ and longer forms. */
const LINK = /[<ox]?(?:-{2,}[->ox]|={2,}[=>ox]|-?\.+-[>ox]?|~{3,})/y;
/** The opening half of a link with text inside it: "-- text -->", "-. text .->", "== text ==>". */
const TEXT_LINK = /<?(?:--|==|-\.)/y;
/** Each may only start at the beginning of its run of "-", "=" or ".", so a long run is tried once, not once per character. */
const TEXT_LINK_END: Readonly<Record<string, RegExp>> = { '--': /(?<!-)-{2,}[->ox]/g, '==': /(?<!=)={2,}[=>ox]/g, '-.': /(?<!\.)\.+-[>ox]?/g };
/** Mermaid 11 edge ids before a link: `A e1@--> B`. */
const EDGE_ID = /[\p{L}\p{N}_]+@(?=[<ox]?[-=.~])/uy;
const WORD = /[A-Za-z]+/y;
const CLASS_SUFFIX = /:::[\p{L}\p{N}_-]+/uy;
const DIRECTION_LINE = /direction[ \t]+(?:TB|TD|BT|RL|LR)[ \t]*(?=[;\n\r%]|$)/y;
const ID_CHAR = /[\p{L}\p{N}\p{M}_.$]/u;

interface Group {
  id: string;
  /** The title the kind guess sees: the nearest one (inner first) that names a stage, else the innermost. */
  effectiveTitle: string | undefined;
  line: number;
}

interface Link {
  invisible: boolean;
  reversed: boolean;
  twoWay: boolean;
  text?: string;
}

export function parseFlowchartBody(src: string, start: number, lines: LineIndex, graph: RawGraph): void {
  new FlowchartParser(src, lines, graph).run(start);
}

class FlowchartParser {
  private pos = 0;
  private readonly stack: Group[] = [];
  private anonymous = 0;

  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly graph: RawGraph,
  ) {}

  run(start: number): void {
    this.pos = start;
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.src.length) break;
      this.statement();
    }
    const open = this.stack.at(-1);
    if (open) throw new MermaidSyntaxError(open.line, `subgraph ${quoted(open.id)} is never closed: add a line "end"`);
  }

  private line(at = this.pos): number {
    return this.lines.lineAt(at);
  }

  private fail(message: string, at = this.pos): never {
    throw new MermaidSyntaxError(this.line(at), message);
  }

  private warn(message: string, at = this.pos): void {
    this.graph.warnings.push(`line ${this.line(at)}: ${message}`);
  }

  private skipBlank(): void {
    while (this.pos < this.src.length && /[\s;]/.test(this.src[this.pos]!)) this.pos++;
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t' || this.src[this.pos] === '\r') this.pos++;
  }

  private endOfLine(from = this.pos): number {
    const i = this.src.indexOf('\n', from);
    return i < 0 ? this.src.length : i;
  }

  private restOfLine(): string {
    const end = this.endOfLine();
    const text = this.src.slice(this.pos, end);
    this.pos = end;
    return text;
  }

  private atStatementEnd(): boolean {
    const c = this.src[this.pos];
    return c === undefined || c === '\n' || c === ';' || this.src.startsWith('%%', this.pos);
  }

  private statement(): void {
    const src = this.src;
    if (src.startsWith('%%{', this.pos)) {
      const close = src.indexOf('}%%', this.pos);
      if (close < 0) this.fail('directive "%%{" is never closed with "}%%"');
      this.pos = close + 3;
      return;
    }
    if (src.startsWith('%%', this.pos)) {
      const at = this.pos;
      const hint = parseHint(this.restOfLine());
      if (hint) this.graph.hints.push({ hint, line: this.line(at) });
      return;
    }
    WORD.lastIndex = this.pos;
    const word = WORD.exec(src)?.[0];
    if (word && this.keyword(word)) return;
    this.chain();
  }

  /** Handles a keyword statement; false when the word is a node id after all (e.g. "endpoint", "style-1"). */
  private keyword(word: string): boolean {
    const after = this.pos + word.length;
    const next = this.src[after];
    const spaced = next === ' ' || next === '\t';
    const alone = next === undefined || /[\s;]/.test(next);
    switch (word) {
      case 'subgraph':
        if (!alone) return false;
        this.subgraph();
        return true;
      case 'end': {
        let i = after;
        while (this.src[i] === ' ' || this.src[i] === '\t' || this.src[i] === '\r') i++;
        const c = this.src[i];
        if (!(c === undefined || c === '\n' || c === ';' || this.src.startsWith('%%', i))) return false;
        if (!this.stack.pop()) this.fail('"end" without a matching "subgraph"');
        this.pos = after;
        return true;
      }
      case 'direction':
        DIRECTION_LINE.lastIndex = this.pos;
        if (!DIRECTION_LINE.test(this.src)) return false;
        this.pos = DIRECTION_LINE.lastIndex;
        return true;
      case 'classDef':
      case 'class':
      case 'style':
      case 'linkStyle':
        if (!spaced) return false;
        this.restOfLine();
        return true;
      case 'click':
        if (!spaced) return false;
        // Click handlers run script or open links; an import must never carry either.
        this.warn('"click" ignored: interactions are not imported');
        this.restOfLine();
        return true;
      case 'accTitle':
      case 'accDescr': {
        let i = after;
        while (this.src[i] === ' ' || this.src[i] === '\t') i++;
        if (this.src[i] === ':') {
          this.restOfLine();
          return true;
        }
        if (word === 'accDescr' && this.src[i] === '{') {
          const close = this.src.indexOf('}', i);
          if (close < 0) this.fail('"accDescr {" is never closed with "}"');
          this.pos = close + 1;
          return true;
        }
        return false;
      }
      default:
        return false;
    }
  }

  private subgraph(): void {
    const at = this.pos;
    this.pos += 'subgraph'.length;
    this.skipSpaces();
    const raw = this.headerText().trim();
    let id: string;
    let title: string;
    const open = raw.indexOf('[');
    if (open > 0 && raw.endsWith(']') && !/[\s"]/.test(raw.slice(0, open).trim())) {
      id = raw.slice(0, open).trim();
      title = this.titleText(raw.slice(open + 1, -1));
    } else if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) {
      title = this.titleText(raw);
      id = title;
    } else if (raw === '') {
      title = '';
      id = `subgraph-${++this.anonymous}`;
    } else {
      title = this.titleText(raw);
      id = raw;
    }
    this.graph.groups.add(id);
    const parentTitle = this.stack.at(-1)?.effectiveTitle;
    const effectiveTitle = stageOfTitle(title) || !stageOfTitle(parentTitle) ? title || parentTitle : parentTitle;
    this.stack.push({ id, effectiveTitle, line: this.line(at) });
  }

  /** A subgraph header runs to the end of the line or to a ";" outside quotes. */
  private headerText(): string {
    const start = this.pos;
    let quoted = false;
    while (this.pos < this.src.length && this.src[this.pos] !== '\n') {
      const c = this.src[this.pos]!;
      if (c === '"') quoted = !quoted;
      else if (c === ';' && !quoted) break;
      this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  private titleText(raw: string): string {
    const t = raw.trim();
    return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? this.stringLabel(t.slice(1, -1)) : plainLabel(t);
  }

  /** `a & b --> c -- text --> d & e`: every node of a group links to every node of the next. */
  private chain(): void {
    let left = this.group();
    for (;;) {
      const save = this.pos;
      this.skipSpaces();
      EDGE_ID.lastIndex = this.pos;
      if (EDGE_ID.test(this.src)) this.pos = EDGE_ID.lastIndex;
      const linkAt = this.pos;
      const link = this.link();
      if (!link) {
        this.pos = save;
        break;
      }
      this.skipSpaces();
      if (this.src[this.pos] === '|') link.text = this.pipeText();
      this.skipSpaces();
      if (this.atStatementEnd()) this.fail('this link has no node after it', linkAt);
      const right = this.group();
      if (!link.invisible) {
        for (const a of left) for (const b of right) this.addEdge(link.reversed ? b : a, link.reversed ? a : b, link.text, linkAt);
        if (link.twoWay) this.warn(`two-way link imported one way, ${quoted(left.join(' & '))} → ${quoted(right.join(' & '))}`, linkAt);
      }
      left = right;
    }
    this.skipSpaces();
    if (!this.atStatementEnd()) this.fail(`unexpected ${excerpt(this.src, this.pos)}: expected a link such as "-->" or the end of the statement`);
    if (this.src.startsWith('%%', this.pos)) this.restOfLine();
  }

  private group(): string[] {
    const ids = [this.nodeRef()].filter((x): x is string => x !== undefined);
    for (;;) {
      const save = this.pos;
      this.skipSpaces();
      if (this.src[this.pos] !== '&') {
        this.pos = save;
        break;
      }
      this.pos++;
      this.skipSpaces();
      const id = this.nodeRef();
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  private scanId(): string {
    const src = this.src;
    let i = this.pos;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '-') {
        const n = src[i + 1];
        if (n === '-' || n === '.' || n === '>' || n === '=') break;
      } else if (!ID_CHAR.test(c)) break;
      i++;
    }
    const id = src.slice(this.pos, i);
    this.pos = i;
    return id;
  }

  /** One node reference with optional shape, `@{...}` and `:::class`; undefined for edge metadata (`e1@{...}`). */
  private nodeRef(): string | undefined {
    const at = this.pos;
    const id = this.scanId();
    if (id === '') this.fail(`expected a node id, found ${excerpt(this.src, this.pos)}`);
    this.classSuffix();
    let label: string | undefined;
    let shape: Shape | undefined;
    if (this.src.startsWith('@{', this.pos)) {
      const block = this.atBlock();
      if (block.edgeMeta) return undefined;
      label = block.label;
      shape = block.shape;
    } else {
      const s = this.shape();
      if (s) ({ label, shape } = s);
    }
    this.classSuffix();
    this.register(id, label, shape, at);
    return id;
  }

  private classSuffix(): void {
    CLASS_SUFFIX.lastIndex = this.pos;
    if (CLASS_SUFFIX.test(this.src)) this.pos = CLASS_SUFFIX.lastIndex;
  }

  private shape(): { label: string; shape: Shape } | undefined {
    const syntax = SHAPE_SYNTAX.find((s) => this.src.startsWith(s.open, this.pos));
    if (!syntax) return undefined;
    const openAt = this.pos;
    this.pos += syntax.open.length;
    this.skipSpaces();
    let label: string;
    if (this.src[this.pos] === '"') {
      label = this.stringLabel(this.quoted());
      this.skipSpaces();
      const close = syntax.close.find((c) => this.src.startsWith(c, this.pos));
      if (!close) this.fail(`expected "${syntax.close[0]}" after the quoted text of "${syntax.open}"`);
      this.pos += close.length;
    } else {
      // Search this line only: looking further for a closer that is not there would make the scan quadratic.
      const rest = this.src.slice(this.pos, this.endOfLine());
      let best = -1;
      let bestClose = '';
      for (const c of syntax.close) {
        const i = rest.indexOf(c);
        if (i >= 0 && (best < 0 || i < best)) [best, bestClose] = [i, c];
      }
      if (best < 0) this.fail(`"${syntax.open}" is never closed: expected "${syntax.close[0]}" on the same line`, openAt);
      label = plainLabel(rest.slice(0, best));
      this.pos += best + bestClose.length;
    }
    return { label, shape: syntax.shape };
  }

  /** The text between double quotes; may span lines (Markdown strings do). */
  private quoted(): string {
    const open = this.pos;
    const close = this.src.indexOf('"', open + 1);
    if (close < 0) this.fail('a string opened here is never closed with \'"\'', open);
    this.pos = close + 1;
    return this.src.slice(open + 1, close);
  }

  /** Quoted text is exact (our exports rely on it); "`Markdown`" strings lose their backticks and emphasis. */
  private stringLabel(inner: string): string {
    const t = inner.trim();
    return t.length >= 2 && t.startsWith('`') && t.endsWith('`') ? markdownLabel(t.slice(1, -1)) : quotedLabel(t);
  }

  /** Mermaid 11 `A@{ shape: cyl, label: "Orders" }`. */
  private atBlock(): { label?: string; shape?: Shape; edgeMeta: boolean } {
    const open = this.pos;
    this.pos += 2;
    const start = this.pos;
    let quoted = false;
    while (this.pos < this.src.length && (quoted || this.src[this.pos] !== '}')) {
      if (this.src[this.pos] === '"') quoted = !quoted;
      this.pos++;
    }
    if (this.pos >= this.src.length) this.fail('"@{" is never closed with "}"', open);
    const body = this.src.slice(start, this.pos);
    this.pos++;
    const out: { label?: string; shape?: Shape; edgeMeta: boolean } = { edgeMeta: false };
    const fields = new Map<string, string>();
    // Split on commas and newlines outside quotes: "key: value" pairs.
    let buf = '';
    let inQ = false;
    for (const c of `${body},`) {
      if (c === '"') inQ = !inQ;
      if (!inQ && (c === ',' || c === '\n')) {
        const colon = buf.indexOf(':');
        if (colon > 0) fields.set(buf.slice(0, colon).trim(), buf.slice(colon + 1).trim());
        buf = '';
      } else buf += c;
    }
    const label = fields.get('label');
    if (label !== undefined) out.label = label.startsWith('"') && label.endsWith('"') && label.length >= 2 ? this.stringLabel(label.slice(1, -1)) : plainLabel(label);
    const shape = fields.get('shape');
    if (shape !== undefined) out.shape = NAMED_SHAPES[shape.toLowerCase()] ?? 'rect';
    out.edgeMeta = label === undefined && shape === undefined && ['animate', 'animation', 'curve'].some((k) => fields.has(k));
    return out;
  }

  private link(): Link | undefined {
    const src = this.src;
    LINK.lastIndex = this.pos;
    const whole = LINK.exec(src);
    if (whole) {
      this.pos += whole[0].length;
      return classify(whole[0]);
    }
    TEXT_LINK.lastIndex = this.pos;
    const opening = TEXT_LINK.exec(src);
    if (!opening) return undefined;
    const openAt = this.pos;
    const kind = opening[0].replace('<', '');
    this.pos += opening[0].length;
    this.skipSpaces();
    const end = new RegExp(TEXT_LINK_END[kind]!.source, 'g');
    let text: string;
    if (src[this.pos] === '"') {
      text = this.stringLabel(this.quoted());
      this.skipSpaces();
      end.lastIndex = this.pos;
      const m = end.exec(src);
      if (!m || m.index !== this.pos) this.fail(`link text after "${opening[0]}" has no closing arrow such as "${kind === '==' ? '==>' : kind === '-.' ? '.->' : '-->'}"`, openAt);
      this.pos = m.index + m[0].length;
      return { ...classify(opening[0] + m[0]), text };
    }
    const eol = this.endOfLine();
    end.lastIndex = this.pos;
    const m = end.exec(src);
    if (!m || m.index >= eol) this.fail(`link text after "${opening[0]}" has no closing arrow such as "${kind === '==' ? '==>' : kind === '-.' ? '.->' : '-->'}"`, openAt);
    text = plainLabel(src.slice(this.pos, m.index));
    this.pos = m.index + m[0].length;
    return { ...classify(opening[0] + m[0]), text };
  }

  /** `|text|` after a link. */
  private pipeText(): string {
    const open = this.pos;
    this.pos++;
    this.skipSpaces();
    if (this.src[this.pos] === '"') {
      const text = this.stringLabel(this.quoted());
      this.skipSpaces();
      if (this.src[this.pos] !== '|') this.fail('edge text opened with "|" is never closed with "|"', open);
      this.pos++;
      return text;
    }
    const rest = this.src.slice(this.pos, this.endOfLine());
    const close = rest.indexOf('|');
    if (close < 0) this.fail('edge text opened with "|" is never closed with "|"', open);
    const text = plainLabel(rest.slice(0, close));
    this.pos += close + 1;
    return text;
  }

  private register(mid: string, label: string | undefined, shape: Shape | undefined, at: number): void {
    const nodes = this.graph.nodes;
    let node = nodes.get(mid);
    if (!node) {
      if (nodes.size >= MAX_NODES) this.fail(`more than ${MAX_NODES} nodes: a design holds at most ${MAX_NODES}`, at);
      node = { mid, line: this.line(at) };
      nodes.set(mid, node);
    }
    // Mermaid keeps the last text and shape given for a node.
    if (label !== undefined) node.label = label;
    if (shape !== undefined) node.shape = shape;
    const title = this.stack.at(-1)?.effectiveTitle;
    if (node.groupTitle === undefined && title) node.groupTitle = title;
  }

  private addEdge(from: string, to: string, text: string | undefined, at: number): void {
    if (this.graph.edges.length >= MAX_EDGES) this.fail(`more than ${MAX_EDGES} links: a design holds at most ${MAX_EDGES} edges`, at);
    this.graph.edges.push({ from, to, ...(text !== undefined && text !== '' ? { text } : {}), line: this.line(at) });
  }
}

/** Direction from the arrow heads: "<--" points back, "<-->" (or "o--o") both ways, "---" forward in reading order. */
function classify(token: string): Link {
  const head = token[0]!;
  const tail = token.at(-1)!;
  const startMark = head === '<' || head === 'o' || head === 'x';
  const endMark = tail === '>' || tail === 'o' || tail === 'x';
  return { invisible: head === '~', reversed: startMark && !endMark, twoWay: startMark && endMark };
}
