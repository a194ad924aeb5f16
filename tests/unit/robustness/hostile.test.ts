import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { estimateDesign } from '../../../src/domain/capacity/estimate.ts';
import type { Design } from '../../../src/domain/design/schema.ts';
import { designToSvg } from '../../../src/domain/diagram/svg.ts';
import { freezeDoc } from '../../../src/domain/doc/blocks.ts';
import type { DesignDoc } from '../../../src/domain/doc/format.ts';
import { designToMermaid } from '../../../src/domain/export/mermaidExport.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';
import type { Pack } from '../../../src/domain/pack/schema.ts';
import { fixtureText, readAs, type Kind } from './corpus.ts';

/** Script and markup that arrives in files: accepted as text, it must never leave a renderer as markup. */
function read<T>(kind: Kind, file: string): { value: T; raw: T } {
  const text = fixtureText(file);
  const r = readAs(kind, text);
  if (!r.ok) throw new Error(r.message);
  return { value: r.value as T, raw: JSON.parse(text) as T };
}

const design = () => read<Design>('design', 'design/hostile-labels.mlsd.json').value;
const textsOf = (d: Design) => [d.name, ...d.nodes.map((n) => n.label), ...d.edges.map((e) => e.label)].filter((s): s is string => s !== undefined);

/** The opening tags of markup (real tags only: escaped text has no "<"), with their attributes. */
const tagsOf = (markup: string) => [...markup.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]! }));

function expectOnlyTags(markup: string, allowed: string[]): void {
  const tags = tagsOf(markup);
  expect([...new Set(tags.map((t) => t.name))].filter((n) => !allowed.includes(n))).toEqual([]);
  for (const t of tags) {
    expect(t.attrs).not.toMatch(/\son[a-z]+\s*=/i);
    expect(t.attrs).not.toMatch(/javascript:/i);
  }
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('hostile text is stored exactly as written', () => {
  it('design: every free-text field, byte for byte', () => {
    const { value, raw } = read<Design>('design', 'design/hostile-labels.mlsd.json');
    expect({ ...value, nodes: value.nodes.map(({ position: _p, ...n }) => n) }).toEqual(raw);
    expect(value.name).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(value.nodes[2]!.params).toMatchObject({ model: '<img src=x onerror=alert(1)>', hardware: 'javascript:alert(document.cookie)', stack: '<script>alert(1)</script>' });
  });

  it('pack: title, author, description and the design inside', () => {
    const { value, raw } = read<Pack>('pack', 'pack/hostile-labels.mlsd-pack.json');
    expect(value).toEqual(raw);
  });

  it('doc: title and Markdown', () => {
    const { value, raw } = read<DesignDoc>('doc', 'doc/hostile-markdown.mlsd-doc.json');
    expect(value).toEqual(raw);
    expect(value.markdown).toContain('<iframe src="javascript:alert(1)"></iframe>');
  });

  it('the capacity model takes unknown model, hardware and stack names without throwing', () => {
    const est = estimateDesign(design());
    expect(est.loadRps).toBe(400);
    expect(Number.isFinite(est.endToEnd.p99Ms)).toBe(true);
  });
});

describe('every renderer escapes it', () => {
  it.each([['light'], ['dark']] as const)('SVG export (%s): only the diagram\'s own tags, labels as text', (theme) => {
    const d = design();
    const { svg } = designToSvg(d, theme);
    expectOnlyTags(svg, ['svg', 'title', 'defs', 'marker', 'path', 'rect', 'text', 'g']);
    expect(svg).not.toMatch(/<script|<img|<a[\s>]|<iframe/i);
    // The title is the whole name, shown literally.
    expect(unescapeXml(/<title>([^<]*)<\/title>/.exec(svg)![1]!)).toBe(d.name);
    const shown = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1]!));
    expect(shown).toContain('<img src=x onerro…');
    expect(shown).toContain('javascript:alert(document.coo…');
  });

  it('Mermaid export: no tag, directive or script URL survives; importing it back gives the same text', () => {
    const d = design();
    const text = designToMermaid(d);
    expect(text.replace(/<br>/g, '')).not.toContain('<');
    expect(text).not.toMatch(/javascript:/i);
    expect(text).not.toContain('%%{');
    const back = mermaidToDesign(text);
    if (!back.ok) throw new Error(back.message);
    expect(back.warnings).toEqual([]);
    expect(textsOf(back.design)).toEqual(textsOf(d));
  });

  it('doc export: capacity and latency tables and the diagram block render to HTML without live markup', () => {
    const d = design();
    const ctx = { design: d, estimate: estimateDesign(d), mermaid: designToMermaid(d) };
    const md = freezeDoc('# Doc\n\n```mlsd-capacity\n```\n\n```mlsd-latency-budget\n```\n\n```mlsd-diagram\n```\n', ctx);
    const html = marked.parse(md, { async: false });
    expectOnlyTags(html, ['h1', 'p', 'em', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code']);
    // The labels are there, as text.
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('Mermaid import: tags in labels are dropped, the words are kept as plain text', () => {
    for (const file of ['mermaid/script-labels.mmd', 'mermaid/click-javascript.mmd']) {
      const r = mermaidToDesign(fixtureText(file));
      if (!r.ok) throw new Error(r.message);
      for (const s of textsOf(r.design)) expect(s).not.toMatch(/[<>]|javascript:/i);
    }
    const clicks = mermaidToDesign(fixtureText('mermaid/click-javascript.mmd'));
    expect(clicks.ok && clicks.warnings).toEqual(['line 4: "click" ignored: interactions are not imported', 'line 5: "click" ignored: interactions are not imported']);
  });
});
