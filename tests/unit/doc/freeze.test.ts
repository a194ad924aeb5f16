import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDesign } from '../../../src/domain/capacity/estimate.ts';
import { readDesignText } from '../../../src/domain/design/format.ts';
import type { Design } from '../../../src/domain/design/schema.ts';
import { readScenarioText } from '../../../src/domain/scenario/format.ts';
import { findLiveBlocks, freezeDoc, renderLiveBlock, stripGuides, type BlockContext } from '../../../src/domain/doc/blocks.ts';
import { escapeCell } from '../../../src/domain/doc/cells.ts';
import { guideRanges } from '../../../src/domain/doc/guides.ts';
import { fmtAvailability } from '../../../src/domain/doc/numbers.ts';

const design: Design = (() => {
  const r = readDesignText(readFileSync(new URL('../../fixtures/design.v1.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.value;
})();
const ctxFor = (d: Design, mermaid = 'flowchart LR\n  a --> b'): BlockContext => ({ design: d, estimate: estimateDesign(d), mermaid });

// Expected formatting, written out independently of src/domain/doc/numbers.ts.
const ms = (v: number) => (v < 1 ? `${v.toFixed(2)} ms` : v < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString('en-US')} ms`);
const rps = (v: number) => `${Math.round(v).toLocaleString('en-US')} req/s`;
const usd = (v: number) => (v < 1 ? `$${v.toFixed(3)}` : v < 100 ? `$${v.toFixed(2)}` : `$${Math.round(v).toLocaleString('en-US')}`);
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
/** Cells of a table row, split at unescaped pipes. */
const cells = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
const rowOf = (md: string, first: string) => md.split('\n').find((l) => l.startsWith('|') && cells(l)[0] === first);

const doc = [
  '# Classifier',
  '',
  '## Summary',
  '<!-- guide: Three to five sentences.',
  '  Keep it short. -->',
  '',
  'We classify images | fast. Keep *this* text & <these> bytes as written.  ',
  '',
  '## Architecture',
  '<!-- guide: One diagram. -->',
  '',
  '```mlsd-diagram',
  '```',
  '',
  '<!-- a plain comment stays -->',
  '```text',
  '<!-- guide: inside code, this is not a guide -->',
  '```mlsd-capacity',
  '```',
  '',
  '## Capacity',
  '',
  '```mlsd-capacity',
  '```',
  '',
  'Intro <!-- guide: not at the start of a line, so it is text -->',
  '<!-- guide: inline --> and text after it on the same line.',
  '',
  '## Latency budget',
  '',
  '~~~mlsd-latency-budget extra words ignored',
  '~~~',
  'Tail text without a final newline.',
].join('\n');

describe('freezeDoc on the fixture design', () => {
  const ctx = ctxFor(design);
  const est = ctx.estimate;
  const out = freezeDoc(doc, ctx);

  it('finds the live blocks outside code', () => {
    expect(findLiveBlocks(doc).map((b) => [b.kind, b.line, b.endLine, b.closed])).toEqual([
      ['diagram', 12, 13, true], ['capacity', 23, 24, true], ['latency-budget', 31, 32, true],
    ]);
  });

  it('writes the design-level numbers of estimateDesign into the capacity table', () => {
    const e2e = est.endToEnd;
    expect(e2e.saturated).toBe(false);
    expect(cells(rowOf(out, 'Load')!)).toEqual(['Load', rps(est.loadRps)]);
    expect(rps(est.loadRps)).toBe('1,000 req/s');
    expect(cells(rowOf(out, 'End-to-end p50')!)[1]).toBe(ms(e2e.p50Ms!));
    expect(cells(rowOf(out, 'End-to-end p99')!)[1]).toBe(ms(e2e.p99Ms!));
    expect(cells(rowOf(out, 'p99 budget')!)[1]).toBe(`${ms(150)}: met, ${ms(150 - e2e.p99Ms!)} to spare`);
    expect(est.bottleneck).toBe('model-server-1');
    expect(cells(rowOf(out, 'Max throughput')!)[1]).toBe(`${rps(est.maxThroughputRps!)} (bottleneck: Model server)`);
    expect(cells(rowOf(out, 'Monthly cost')!)[1]).toBe(usd(est.monthlyCostUsd));
    expect(cells(rowOf(out, 'Cost per 1M requests')!)[1]).toBe(usd(est.costPer1MUsd!));
    expect(cells(rowOf(out, 'Availability')!)[1]).toBe(fmtAvailability(est.availability));
  });

  it('writes one row per node that takes requests, in request order, async ones marked', () => {
    const table = out.slice(out.indexOf('| Component |'));
    const rows = table.split('\n').filter((l) => l.startsWith('|')).slice(2, 7).map(cells);
    const n = est.nodes;
    const row = (label: string, id: string) => [label, pct(n[id]!.utilization), ms(n[id]!.p99Ms!), String(n[id]!.replicas)];
    expect(rows).toEqual([
      row('Load balancer', 'load-balancer-1'),
      row('Inference API', 'api-gateway-1'),
      row('Redis cache', 'cache-1'),
      row('Logging (async)', 'logging-1'),
      row('Model server', 'model-server-1'),
    ]);
    expect(out).not.toContain('Clients'); // the source is not a stage
  });

  it('writes per-stage p99 and shares into the latency-budget table, then the total against the budget', () => {
    const e2e = est.endToEnd.p99Ms!;
    const stage = (label: string, id: string) => {
      const p = est.nodes[id]!.p99Ms!;
      return [label, ms(p), pct(p / e2e), pct(p / 150)];
    };
    const start = out.indexOf('| Stage |');
    const rows = out.slice(start).split('\n').filter((l) => l.startsWith('|')).slice(2, 7).map(cells);
    expect(rows).toEqual([
      stage('Load balancer', 'load-balancer-1'),
      stage('Inference API', 'api-gateway-1'),
      stage('Redis cache', 'cache-1'),
      stage('Model server', 'model-server-1'), // logging is async: the client does not wait for it
      ['**End-to-end**', `**${ms(e2e)}**`, '100.0%', pct(e2e / 150)],
    ]);
    expect(out).toContain(`End-to-end p99 ${ms(e2e)} against a ${ms(150)} budget: met, ${ms(150 - e2e)} to spare.`);
  });

  it('freezes the diagram into a mermaid block with the given text', () => {
    expect(out).toContain('## Architecture\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n<!-- a plain comment stays -->');
  });

  it('strips guide comments and leaves every other byte as written', () => {
    for (const gone of ['Three to five', 'Keep it short', 'One diagram', 'inline -->']) expect(out).not.toContain(gone);
    const expected = doc
      .replace('<!-- guide: Three to five sentences.\n  Keep it short. -->\n', '')
      .replace('<!-- guide: One diagram. -->\n', '')
      .replace('```mlsd-diagram\n```', renderLiveBlock('diagram', ctx))
      .replace('\n```mlsd-capacity\n```\n\nIntro', `\n${renderLiveBlock('capacity', ctx)}\n\nIntro`)
      .replace('<!-- guide: inline --> ', '')
      .replace('~~~mlsd-latency-budget extra words ignored\n~~~', renderLiveBlock('latency-budget', ctx));
    expect(out).toBe(expected);
    // Things that look like guides or blocks but are not stay put.
    expect(out).toContain('```text\n<!-- guide: inside code, this is not a guide -->\n```mlsd-capacity\n```');
    expect(out).toContain('Intro <!-- guide: not at the start of a line, so it is text -->');
    expect(out).toContain('We classify images | fast. Keep *this* text & <these> bytes as written.  \n');
    expect(out.endsWith('Tail text without a final newline.')).toBe(true);
  });

  it('is the identity on a doc with no guides and no blocks', () => {
    const plain = '# T\r\n\r\nText | with *marks* <b>and</b> trailing spaces   \r\n```\r\n<!-- guide: code -->\r\n```\r\n';
    expect(freezeDoc(plain, ctx)).toBe(plain);
  });

  it('keeps CRLF line endings, also inside the frozen tables', () => {
    const crlf = doc.replace(/\n/g, '\r\n');
    const frozen = freezeDoc(crlf, ctx);
    expect(frozen).toBe(out.replace(/\n/g, '\r\n'));
    expect(frozen).not.toMatch(/[^\r]\n/);
  });

  it('guideRanges gives the editor each guide comment outside code, with offsets and lines', () => {
    const g = guideRanges(doc);
    expect(g.map((r) => [r.line, r.endLine, r.closed])).toEqual([[4, 5, true], [10, 10, true], [27, 27, true]]);
    expect(g[0]!.text).toBe('Three to five sentences.\n  Keep it short.');
    expect(doc.slice(g[1]!.from, g[1]!.to)).toBe('<!-- guide: One diagram. -->');
  });

  it('stripGuides alone removes guides and nothing else', () => {
    expect(stripGuides('## A\n<!-- guide: x -->\n\nBody\n```mlsd-capacity\n```\n')).toBe('## A\n\nBody\n```mlsd-capacity\n```\n');
  });
});

describe('freezing in awkward situations', () => {
  it('says "unbounded (saturated)" for a saturated design, never a huge number', () => {
    const hot: Design = { ...design, workload: { ...design.workload, rps: 5000 } };
    const ctx = ctxFor(hot);
    expect(ctx.estimate.endToEnd.saturated).toBe(true);
    const out = freezeDoc('```mlsd-capacity\n```\n\n```mlsd-latency-budget\n```\n', ctx);
    expect(cells(rowOf(out, 'End-to-end p50')!)[1]).toBe('unbounded (saturated)');
    expect(cells(rowOf(out, 'End-to-end p99')!)[1]).toBe('unbounded (saturated)');
    expect(cells(rowOf(out, 'p99 budget')!)[1]).toBe(`${ms(150)}: missed (saturated)`);
    expect(cells(rowOf(out, 'Model server')!).slice(1, 3)).toEqual(['≥ 100% (saturated)', 'unbounded (saturated)']);
    expect(cells(rowOf(out, 'Model server')!)[3]).toMatch(/^2 \(needs \d+\)$/);
    expect(cells(rowOf(out, 'Availability')!)[1]).toBe('0% (saturated)');
    expect(cells(rowOf(out, '**End-to-end**')!)).toEqual(['**End-to-end**', 'unbounded (saturated)', '—', '—']);
    expect(out).toContain('End-to-end p99 is unbounded (saturated): it misses the 150 ms budget');
    expect(out).not.toMatch(/\d{7,}|Infinity|NaN|e\+\d/);
  });

  it('escapes "|", newlines and HTML from labels and names in every table cell', () => {
    const evil = 'Evil | pipe\nnew line <script>alert(1)</script> \\| `tick` *';
    const hostile: Design = {
      ...design,
      name: 'Name | with <img src=x onerror=alert(1)>',
      nodes: design.nodes.map((n) => (n.id === 'api-gateway-1' ? { ...n, label: evil } : n.id === 'cache-1' ? { ...n, label: 'x\r\n| --- |' } : n)),
    };
    const out = freezeDoc('```mlsd-capacity\n```\n\n```mlsd-latency-budget\n```\n', ctxFor(hostile));
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
    const escaped = escapeCell(evil);
    expect(escaped).toBe('Evil \\| pipe new line &lt;script&gt;alert(1)&lt;/script&gt; \\\\\\| \\`tick\\` \\*');
    // Every table row keeps its column count: the label cannot add cells or end a row early.
    for (const line of out.split('\n').filter((l) => l.startsWith('|'))) expect([2, 4]).toContain(cells(line).length);
    const api = rowOf(out, escaped)!;
    expect(cells(api)).toHaveLength(4);
    const stageRows = out.slice(out.indexOf('| Stage |')).split('\n').filter((l) => l.startsWith('|'));
    expect(stageRows.every((l) => cells(l).length === 4)).toBe(true);
    expect(rowOf(out, 'x \\| --- \\|')).toBeDefined();
  });

  it('says so when the design sets no budget or takes no requests', () => {
    const { p99BudgetMs: _drop, ...workload } = design.workload;
    const out = freezeDoc('```mlsd-capacity\n```\n\n```mlsd-latency-budget\n```\n', ctxFor({ ...design, workload }));
    expect(cells(rowOf(out, 'p99 budget')!)[1]).toBe('not set');
    expect(cells(rowOf(out, 'Model server')!)).toHaveLength(4);
    expect(out.split('\n').filter((l) => l.startsWith('|') && cells(l)[3] === '—')).toHaveLength(5);
    expect(out).toMatch(/End-to-end p99 \d+\.\d ms; the design sets no p99 budget\./);
    const empty: Design = { ...design, nodes: [], edges: [] };
    const none = freezeDoc('```mlsd-capacity\n```\n\n```mlsd-latency-budget\n```\n', ctxFor(empty));
    expect(none).toContain('_No component takes requests yet._');
    expect(cells(rowOf(none, 'Monthly cost')!)[1]).toBe('$0');
    expect(none).toContain('No request reaches a component yet');
    expect(none).not.toMatch(/saturated|NaN|Infinity/);
  });

  it('uses a fence longer than any backtick run in the Mermaid text', () => {
    const out = renderLiveBlock('diagram', ctxFor(design, 'flowchart LR\n  a["```"] --> b\n'));
    expect(out).toBe('````mermaid\nflowchart LR\n  a["```"] --> b\n````');
    expect(renderLiveBlock('diagram', ctxFor(design, '  \n'))).toMatch(/no diagram/);
  });

  it('writes a note instead of numbers when no design is attached', () => {
    const out = freezeDoc('## A\n```mlsd-capacity\n```\n```mlsd-diagram\n```\n```mlsd-latency-budget\n```\n', null);
    expect(out).toBe('## A\n_No design is attached to this doc, so there is no capacity estimate to show._\n'
      + '_No design is attached to this doc, so there is no diagram to show._\n'
      + '_No design is attached to this doc, so there is no latency budget to show._\n');
  });

  it('leaves an unclosed live block and an unclosed guide alone rather than deleting the rest of the doc', () => {
    const open = '## A\ntext\n```mlsd-capacity\n## B\nmore\n';
    expect(findLiveBlocks(open)).toMatchObject([{ kind: 'capacity', line: 3, endLine: 6, closed: false }]);
    expect(freezeDoc(open, ctxFor(design))).toBe(open);
    const comment = '## A\n<!-- guide: never closed\n## B\n';
    expect(freezeDoc(comment, ctxFor(design))).toBe(comment);
  });

  it('freezes a scenario reference design with its own budget', () => {
    const r = readScenarioText(readFileSync(new URL('../../../scenarios/fraud-detection.scenario.json', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    const d = r.value.referenceDesign;
    const ctx = ctxFor(d);
    const out = freezeDoc('```mlsd-capacity\n```\n\n```mlsd-latency-budget\n```\n', ctx);
    const e2e = ctx.estimate.endToEnd;
    expect(e2e.budgetMs).toBe(r.value.latencyBudgetMs);
    expect(cells(rowOf(out, 'End-to-end p99')!)[1]).toBe(ms(e2e.p99Ms!));
    expect(cells(rowOf(out, 'Monthly cost')!)[1]).toBe(usd(ctx.estimate.monthlyCostUsd));
    expect(out).toContain(`against a ${ms(r.value.latencyBudgetMs)} budget: ${e2e.withinBudget ? 'met' : 'missed'}`);
  });
});

describe('number formats', () => {
  it('writes availability with the decimals its nines need', () => {
    expect([1, 0.9995, 0.99999, 0.999, 0.95, 0].map(fmtAvailability)).toEqual(['100%', '99.95%', '99.999%', '99.9%', '95.0%', '0%']);
  });
});
