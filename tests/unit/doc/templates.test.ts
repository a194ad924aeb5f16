import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate, type DocTemplate } from '../../../src/domain/doc/template.ts';
import { newDoc, newDocMarkdown } from '../../../src/domain/doc/newDoc.ts';
import { findLiveBlocks } from '../../../src/domain/doc/blocks.ts';
import { readDoc } from '../../../src/domain/doc/format.ts';
import { checkDoc } from '../../../src/domain/doc/completeness.ts';
import { headingKey } from '../../../src/domain/doc/sections.ts';

const dir = new URL('../../../templates/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const load = (file: string): DocTemplate => {
  const r = parseTemplate(readFileSync(new URL(file, dir), 'utf8'));
  if (!r.ok) throw new Error(`${file}:${r.line}: ${r.message}`);
  return r.template;
};

describe('the templates folder', () => {
  it('holds the four templates the app offers', () => {
    expect(files).toEqual(expect.arrayContaining(['capstone.md', 'google-design-doc.md', 'launch-review.md', 'one-page-brief.md']));
  });

  it.each(files)('%s parses, every section has guidance, the id matches the file name', (file) => {
    const t = load(file);
    expect(`${t.id}.md`).toBe(file);
    expect(t.version).toBeGreaterThanOrEqual(1);
    expect(t.title.length).toBeGreaterThan(0);
    expect(t.description.length).toBeGreaterThan(20);
    expect(t.sections.length).toBeGreaterThanOrEqual(5);
    for (const s of t.sections) expect(s.guide.length, s.heading).toBeGreaterThan(30);
    expect(new Set(t.sections.map((s) => headingKey(s.heading))).size).toBe(t.sections.length);
    expect(t.body.startsWith('# {{title}}')).toBe(true);
    expect(t.body).not.toMatch(/^---/);
  });

  it.each(files)('%s as a fresh doc reads as all guidance: every section is empty or holds only a live block', (file) => {
    const t = load(file);
    const md = newDocMarkdown(t, 'A title');
    const kinds = checkDoc(md, t).map((f) => f.kind);
    expect(kinds).not.toContain('missing-section');
    expect(kinds).not.toContain('requirement-without-number');
    expect(kinds.length).toBe(t.sections.length);
  });

  it('the capstone has the end-to-end sections, in order, and its live blocks where they belong', () => {
    const t = load('capstone.md');
    const keys = t.sections.map((s) => headingKey(s.heading));
    const expected = ['summary', 'problem and goals', 'non goals', 'requirements', 'back of envelope sizing', 'architecture', 'ingestion',
      'data and features', 'training', 'evaluation', 'serving', 'latency budget', 'scalability and capacity',
      'monitoring and retraining triggers', 'failover and disaster recovery', 'infrastructure choices and alternatives', 'cost',
      'security and privacy', 'risks and open questions', 'rollout plan'];
    expect(keys).toEqual(expected);
    const blocks = Object.fromEntries(t.sections.filter((s) => s.blocks.length).map((s) => [headingKey(s.heading), s.blocks]));
    expect(blocks).toEqual({ architecture: ['diagram'], 'latency budget': ['latency-budget'], 'scalability and capacity': ['capacity'] });
    const live = findLiveBlocks(t.body);
    expect(live.map((b) => b.kind)).toEqual(['diagram', 'latency-budget', 'capacity']);
    expect(live.every((b) => b.closed && b.endLine === b.line + 1)).toBe(true);
    // The requirements section separates behaviour from targets, so the number check knows what to skip.
    expect(t.body).toMatch(/^### Functional$/m);
    expect(t.body).toMatch(/^### Non-functional$/m);
  });

  it('the Google-style doc, the brief and the launch review have their sections and blocks', () => {
    const g = load('google-design-doc.md');
    expect(g.sections.map((s) => headingKey(s.heading))).toEqual(expect.arrayContaining(['context and scope', 'goals and non goals', 'the design', 'alternatives considered', 'cross cutting concerns']));
    expect(g.sections.find((s) => s.heading === 'The design')?.blocks).toEqual(['diagram']);
    const b = load('one-page-brief.md');
    expect(b.sections.flatMap((s) => s.blocks)).toEqual(['diagram', 'capacity']);
    const l = load('launch-review.md');
    expect(l.sections.map((s) => headingKey(s.heading))).toEqual(expect.arrayContaining(['hypothesis and metrics', 'experiment design', 'offline results', 'online results', 'risks and rollback']));
    expect(l.sections.find((s) => s.heading === 'Serving impact')?.blocks).toEqual(['latency-budget', 'capacity']);
  });
});

const ok = `---
id: tiny
title: Tiny
description: A small template for tests.
version: 2
---

# {{title}}

## First
<!-- guide: Say the first thing.
Over two lines. -->

### Sub
<!-- guide: A sub-point. -->

\`\`\`mlsd-capacity
\`\`\`

## Second
<!-- guide: Say the second thing. -->
`;

describe('parseTemplate', () => {
  it('reads front matter, sections, guides (joined across subheadings) and body', () => {
    const r = parseTemplate(ok);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template).toMatchObject({ id: 'tiny', title: 'Tiny', description: 'A small template for tests.', version: 2 });
    expect(r.template.sections).toEqual([
      { heading: 'First', guide: 'Say the first thing.\nOver two lines.\n\nA sub-point.', blocks: ['capacity'], line: 10 },
      { heading: 'Second', guide: 'Say the second thing.', blocks: [], line: 20 },
    ]);
    expect(r.template.body.startsWith('# {{title}}\n')).toBe(true);
  });

  it('accepts CRLF files', () => {
    const r = parseTemplate(ok.replace(/\n/g, '\r\n'));
    expect(r.ok && r.template.sections.map((s) => s.line)).toEqual([10, 20]);
  });

  const bad: [string, string, number, RegExp][] = [
    ['no front matter', ok.slice(ok.indexOf('# {{title}}')), 1, /starts with a "---" line/],
    ['unclosed front matter', ok.replace('---\n\n#', '\n\n#'), 11, /closing "---" missing/],
    ['front matter that never closes', '---\nid: x\n', 1, /not closed/],
    ['a line that is not key: value', ok.replace('version: 2', 'version 2'), 5, /key: value/],
    ['a duplicate key', ok.replace('version: 2', 'title: Again'), 5, /twice/],
    ['an unknown key', ok.replace('version: 2', 'version: 2\nauthor: me'), 6, /author/],
    ['a bad id', ok.replace('id: tiny', 'id: Tiny Template'), 2, /id is/],
    ['a bad version', ok.replace('version: 2', 'version: 1.5'), 5, /version/],
    ['a missing title', ok.replace('title: Tiny\n', ''), 1, /title/],
    ['a section without guidance', ok.replace('<!-- guide: Say the second thing. -->\n', ''), 20, /"Second" has no guidance/],
    ['an unknown live block', ok.replace('mlsd-capacity', 'mlsd-capacty'), 17, /Unknown live block "mlsd-capacty"/],
    ['an unclosed fence', `${ok}\n\`\`\`mlsd-diagram\n`, 23, /never closed/],
    ['an unclosed comment', ok.replace('Say the second thing. -->', 'Say the second thing.'), 21, /never closed with "-->"/],
    ['a duplicate section', ok.replace('## Second', '## first'), 20, /appears twice/],
    ['no section at all', ok.replace(/## [\s\S]*$/, ''), 8, /at least one "## " section/],
  ];
  it.each(bad)('refuses %s, naming the line', (_what, text, line, message) => {
    const r = parseTemplate(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(message);
    expect(r.line).toBe(line);
  });

  it('refuses a huge file before parsing it', () => {
    const r = parseTemplate(ok + 'x'.repeat(300_000));
    expect(r).toMatchObject({ ok: false, line: 1 });
  });

  it('ignores headings and guides inside fenced code', () => {
    const r = parseTemplate(ok.replace('## Second', '```\n## Not a section\n<!-- guide: no -->\n```\n\n## Second'));
    expect(r.ok && r.template.sections.map((s) => s.heading)).toEqual(['First', 'Second']);
  });
});

describe('new docs', () => {
  const t = (() => {
    const r = parseTemplate(ok);
    if (!r.ok) throw new Error(r.message);
    return r.template;
  })();

  it('substitute the title and copy the body otherwise unchanged', () => {
    const md = newDocMarkdown(t, '  Fraud\nscoring $& co  ');
    expect(md).toBe(t.body.replace('{{title}}', () => 'Fraud scoring $& co'));
  });

  it('get a title heading when the body has no placeholder', () => {
    expect(newDocMarkdown({ body: '## A\n' }, 'T')).toBe('# T\n\n## A\n');
    expect(newDocMarkdown({ body: '## A\n' }, '   ')).toBe('# Untitled\n\n## A\n');
  });

  it('are valid stored docs', () => {
    const d = newDoc({ id: 'd1', title: 'x'.repeat(300), template: t, designId: 'design-1', now: 1_700_000_000_000 });
    expect(d.title).toHaveLength(200);
    expect(d).toMatchObject({ format: 'mlsd-doc', version: 1, templateId: 'tiny', designId: 'design-1', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 });
    expect(readDoc(d)).toEqual({ ok: true, value: d });
    expect(newDoc({ id: 'd2', title: 'T', template: t, now: 0 }).designId).toBeNull();
  });
});
