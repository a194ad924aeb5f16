import type { Design } from '../design/schema.ts';
import { parseFrontMatter } from '../doc/frontMatter.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PackTemplate } from './schema.ts';

/** A key not in `taken`, and the number that made it so (the same number marks the copy's title). */
export interface FreshKey {
  key: string;
  n: number;
}

const MAX_SLUG = 63;

/**
 * "fraud-detection" → "fraud-detection-2" (or -3, … when taken). A key that already ends in a number counts on
 * from it ("fraud-detection-2" → "fraud-detection-3"), so copies of copies do not grow "-2-2-2".
 */
export function freshSlug(id: string, taken: ReadonlySet<string>): FreshKey {
  const m = /^(.+?)-(\d{1,6})$/.exec(id);
  const base = m ? m[1]! : id;
  for (let n = m ? Number(m[2]) + 1 : 2; ; n++) {
    const suffix = `-${n}`;
    const key = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(key)) return { key, n };
  }
}

/** "Fraud detection" → "Fraud detection (2)", counting on from an existing "(n)" the same way. */
export function freshName(name: string, taken: ReadonlySet<string>, max: number): FreshKey {
  const m = /^(.*\S) \((\d{1,6})\)$/.exec(name);
  const base = m ? m[1]! : name;
  for (let n = m ? Number(m[2]) + 1 : 2; ; n++) {
    const key = withNumber(base, n, max);
    if (!taken.has(key)) return { key, n };
  }
}

/** "Title (n)", cutting the title so the result stays within `max` characters. */
export function withNumber(title: string, n: number, max: number): string {
  const suffix = ` (${n})`;
  return `${title.slice(0, max - suffix.length).trimEnd()}${suffix}`;
}

/** A copy under a new id; its reference design must keep naming it (the scenario schema requires that). */
export function renameScenario(s: Scenario, to: FreshKey): Scenario {
  return { ...s, id: to.key, title: withNumber(s.title, to.n, 120), referenceDesign: { ...s.referenceDesign, scenarioId: to.key } };
}

export function renameDesign(d: Design, to: FreshKey): Design {
  return { ...d, name: to.key };
}

/** The template text carries its id in the front matter, which must agree with the entry's id; both change. */
export function renameTemplate(t: PackTemplate, to: FreshKey): PackTemplate {
  const fm = parseFrontMatter(t.text);
  if (!fm.ok) return { ...t, id: to.key };
  const lines = t.text.split('\n');
  const set = (key: string, value: string) => {
    const at = fm.value.lines[key];
    if (at === undefined) return;
    const eol = lines[at - 1]!.endsWith('\r') ? '\r' : '';
    lines[at - 1] = `${key}: ${value}${eol}`;
  };
  set('id', to.key);
  const title = fm.value.fields.title;
  if (title) set('title', withNumber(title, to.n, 120));
  return { id: to.key, text: lines.join('\n') };
}
