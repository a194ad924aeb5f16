/**
 * Template front matter: a `---` line, `key: value` lines, a closing `---` line. Deliberately not YAML: no
 * quoting, nesting or multi-line values, so there is nothing to misread. Blank lines and `#` comment lines are
 * skipped; a value is the rest of the line after the first ":", trimmed.
 */

export interface FrontMatter {
  fields: Record<string, string>;
  /** 1-based line of each key, for error messages. */
  lines: Record<string, number>;
  /** The text after the closing `---` line. */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; message: string; line: number };

const DELIMITER = /^---[ \t]*\r?$/;
const KEY_VALUE = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(.*)$/;

export function parseFrontMatter(text: string): FrontMatterResult {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (!DELIMITER.test(lines[0] ?? '')) return { ok: false, line: 1, message: 'A template starts with a "---" line, then "key: value" lines, then "---".' };
  const fields: Record<string, string> = {};
  const at: Record<string, number> = {};
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (DELIMITER.test(raw)) {
      return { ok: true, value: { fields, lines: at, body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 } };
    }
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = KEY_VALUE.exec(raw);
    if (!m) return { ok: false, line: i + 1, message: `Front matter lines are "key: value"; cannot read "${raw.slice(0, 60)}" (is the closing "---" missing?).` };
    const key = m[1]!;
    if (key in fields) return { ok: false, line: i + 1, message: `"${key}" is given twice in the front matter.` };
    fields[key] = m[2]!.trim();
    at[key] = i + 1;
  }
  return { ok: false, line: 1, message: 'The front matter is not closed: add a "---" line after the last "key: value" line.' };
}
