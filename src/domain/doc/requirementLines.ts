import { headingKey, type DocSection } from './sections.ts';
import { headingOf, type Scan } from './scan.ts';

export interface NumberlessRequirement {
  line: number;
  text: string;
}

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const TABLE_ROW = /^\s*\|.*\|?\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Bullets and table rows in a requirements section that hold no digit: a requirement without a number cannot be
 * checked. Lines under a "### Functional …" subheading are behaviour, not targets, and are skipped; so are table
 * header rows and bullets that only introduce nested ones ("- Latency:").
 */
export function numberlessRequirements(scan: Scan, section: DocSection): NumberlessRequirement[] {
  const out: NumberlessRequirement[] = [];
  let functional = false;
  const lines = scan.lines;
  for (let i = section.line; i < section.endLine; i++) {
    const line = lines[i]!;
    const h = headingOf(line);
    if (h) {
      functional = headingKey(h.text).startsWith('functional');
      continue;
    }
    if (functional || line.kind !== 'text') continue;
    const text = line.text;
    let content: string | null = null;
    if (TABLE_ROW.test(text)) {
      const next = lines[i + 1];
      if (TABLE_SEPARATOR.test(text) || (next && next.kind === 'text' && TABLE_SEPARATOR.test(next.text) && next.text.includes('-'))) continue;
      content = text.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim();
    } else {
      const m = BULLET.exec(text);
      if (m) content = m[1]!.trim();
    }
    if (content === null || content === '' || content.endsWith(':')) continue;
    if (!/\d/.test(content)) out.push({ line: i + 1, text: content });
  }
  return out;
}
