/**
 * Label text inside Mermaid's `"..."` strings. Mermaid has no backslash escapes; it turns `#name;` and
 * `#123;` into HTML entities when rendering, so that is how anything risky is written.
 */

const NAMED: Readonly<Record<string, string>> = {
  quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0', num: '#', semi: ';', vert: '|', verbar: '|',
  lsqb: '[', rsqb: ']', lbrack: '[', rbrack: ']', lpar: '(', rpar: ')', lcub: '{', rcub: '}', lbrace: '{', rbrace: '}',
  colon: ':', comma: ',', excl: '!', percnt: '%', grave: '`', ast: '*', equals: '=', hyphen: '-', dash: '‐', ndash: '–', mdash: '—',
  hellip: '…', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', times: '×', rarr: '→', larr: '←', harr: '↔', bull: '•',
};

/**
 * Characters Mermaid would read as syntax even inside quotes, or a renderer as HTML. The colon too:
 * Mermaid rewrites any line matching /style.*:\S*#.*;/ or /classDef.*:\S*#.*;/ before parsing (ids such
 * as "styles-1" included), eating the ";" of an entity; with no colon on a node or edge line that never
 * fires. It also keeps a literal "fa:fa-x" from being read back as a Font Awesome icon.
 */
const ALWAYS: Readonly<Record<string, string>> = { '"': '#quot;', '#': '#35;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '|': '#124;', '`': '#96;', '%': '#37;', ';': '#59;', ':': '#58;' };

function numeric(ch: string): string {
  return `#${ch.codePointAt(0)};`;
}

/**
 * Text for inside `"..."`. Newlines become `<br>` (Mermaid's line break); other control and exotic
 * space characters, and spaces at either end (which a reader would trim), become numeric codes.
 */
export function encodeLabel(text: string): string {
  let out = '';
  const chars = Array.from(text);
  chars.forEach((ch, i) => {
    const edge = i === 0 || i === chars.length - 1;
    if (ch === '\n') out += '<br>';
    else if (ALWAYS[ch]) out += ALWAYS[ch];
    else if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(ch) || (/\s/u.test(ch) && (ch !== ' ' || edge))) out += numeric(ch);
    else out += ch;
  });
  // Mermaid's lexer reads /.*direction\s+(TB|LR|...)/ from wherever a token starts, quotes or not.
  return out.replace(/direction/g, '#100;irection');
}

/**
 * Decode label text as Mermaid shows it: `#quot;`-style and `&quot;`-style entities, `<br>` as a line
 * break, other simple HTML tags dropped. One pass, so an encoded "#amp;amp;" stays the text "&amp;".
 */
export function decodeLabel(text: string): string {
  return text.replace(/#(\d{1,7}|[A-Za-z]{1,12});|&(#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{1,12});|<br\s{0,8}\/?>|<\/?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?>/g, (m, hash?: string, amp?: string) => {
    const code = hash ?? amp;
    if (code === undefined) return m.toLowerCase().startsWith('<br') ? '\n' : '';
    if (/^\d+$/.test(code)) return fromCode(Number(code), m);
    if (/^#\d+$/.test(code)) return fromCode(Number(code.slice(1)), m);
    if (/^#x/i.test(code)) return fromCode(parseInt(code.slice(2), 16), m);
    return NAMED[code] ?? NAMED[code.toLowerCase()] ?? m;
  });
}

function fromCode(n: number, fallback: string): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

const ICON = /\bfa[bsrl]?:fa-[\w-]{1,60} ?/g;

/** Font Awesome icons ("fa:fa-user Users") are decoration, not part of a name. */
function withoutIcons(raw: string): string {
  return raw.trim().replace(ICON, '').trim();
}

/** Text from `"..."`: exact apart from icons and the spaces at either end (our exports code those). */
export function quotedLabel(raw: string): string {
  return decodeLabel(withoutIcons(raw));
}

/** Text written without quotes, e.g. `A[Feature store]`. */
export function plainLabel(raw: string): string {
  return decodeLabel(withoutIcons(raw)).trim();
}

/** A Markdown string "`...`": lines trimmed, emphasis markers dropped (bounded patterns, no backtracking blow-up). */
export function markdownLabel(inner: string): string {
  const text = withoutIcons(inner.split('\n').map((l) => l.trim()).join('\n'))
    .replace(/\*\*([^*\n]{1,200})\*\*/g, '$1')
    .replace(/__([^_\n]{1,200})__/g, '$1')
    .replace(/\*([^*\n]{1,200})\*/g, '$1')
    .replace(/(^|\s)_([^_\n]{1,200})_(?=\s|$)/g, '$1$2');
  return decodeLabel(text).trim();
}
