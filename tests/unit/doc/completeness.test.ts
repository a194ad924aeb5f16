import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDesign } from '../../../src/domain/capacity/estimate.ts';
import { readDesignText } from '../../../src/domain/design/format.ts';
import type { Design } from '../../../src/domain/design/schema.ts';
import { checkDoc, THIN_WORDS, type Finding } from '../../../src/domain/doc/completeness.ts';
import { findLatencyGoals, statedLatencyGoal } from '../../../src/domain/doc/latencyGoal.ts';
import { parseTemplate, type DocTemplate } from '../../../src/domain/doc/template.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const design: Design = (() => {
  const r = readDesignText(read('../../fixtures/design.v1.json'));
  if (!r.ok) throw new Error(r.message);
  return r.value;
})();
const capstone: DocTemplate = (() => {
  const r = parseTemplate(read('../../../templates/capstone.md'));
  if (!r.ok) throw new Error(r.message);
  return r.template;
})();
const written = read('../../fixtures/doc/written.md');
const ctx = (d: Design) => ({ design: d, estimate: estimateDesign(d) });
const of = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind);

describe('checkDoc on a half-written capstone', () => {
  const findings = checkDoc(written, capstone, ctx(design));

  it('names the template sections that are missing, in template order', () => {
    const present = ['Summary', 'Problem and goals', 'Requirements', 'Architecture', 'Latency budget'];
    expect(of(findings, 'missing-section').map((f) => f.section)).toEqual(capstone.sections.map((s) => s.heading).filter((h) => !present.includes(h)));
    expect(of(findings, 'missing-section')[0]).toEqual({ kind: 'missing-section', section: 'Non-goals', message: 'The section "Non-goals" from the template is missing.' });
  });

  it('flags a thin section with its word count and leaves well-written ones alone', () => {
    expect(of(findings, 'thin-section')).toEqual([
      { kind: 'thin-section', section: 'Problem and goals', line: 10, message: `"Problem and goals" has 2 words; aim for at least ${THIN_WORDS}.` },
    ]);
    expect(of(findings, 'empty-section')).toEqual([]);
  });

  it('flags requirements without a number, skipping functional ones and table headers', () => {
    expect(of(findings, 'requirement-without-number').map((f) => [f.line, f.section])).toEqual([
      [29, 'Requirements'], [31, 'Requirements'], [33, 'Requirements'],
    ]);
    expect(of(findings, 'requirement-without-number')[0]!.message).toContain('"Availability four nines"');
    expect(of(findings, 'requirement-without-number')[2]!.message).toContain('"Privacy: no personal data kept"');
  });

  it('compares the p99 goal in the requirements with the design budget and the estimate', () => {
    const p99 = estimateDesign(design).endToEnd.p99Ms!;
    expect(p99).toBeGreaterThan(5);
    expect(of(findings, 'latency-goal-mismatch')).toEqual([
      { kind: 'latency-goal-mismatch', line: 28, message: 'The doc states a p99 goal of 5.0 ms ("p99 < 5 ms") but the design\'s p99 budget is 150 ms; make them agree.' },
    ]);
    expect(of(findings, 'latency-goal-missed')).toEqual([
      { kind: 'latency-goal-missed', line: 28, message: `The capacity estimate puts end-to-end p99 at ${p99.toFixed(1)} ms, over the stated goal of 5.0 ms by ${(p99 - 5).toFixed(1)} ms.` },
    ]);
  });

  it('lists findings in a stable order: sections, requirements, latency', () => {
    const kinds = findings.map((f) => f.kind);
    expect(kinds.lastIndexOf('missing-section')).toBeLessThan(kinds.indexOf('requirement-without-number'));
    expect(kinds.lastIndexOf('requirement-without-number')).toBeLessThan(kinds.indexOf('latency-goal-mismatch'));
  });

  it('without a design, checks only the writing', () => {
    const alone = checkDoc(written, capstone);
    expect(alone.some((f) => f.kind.startsWith('latency'))).toBe(false);
    expect(alone).toEqual(findings.filter((f) => !f.kind.startsWith('latency')));
  });
});

const tiny: Pick<DocTemplate, 'sections'> = {
  sections: [
    { heading: 'Summary', guide: 'g', blocks: [], line: 1 },
    { heading: 'Requirements', guide: 'g', blocks: [], line: 2 },
    { heading: 'Architecture', guide: 'g', blocks: ['diagram'], line: 3 },
  ],
};
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('checkDoc section rules', () => {
  it('empty = only guidance; thin = under 25 words; a live block is content but prose is still expected', () => {
    const md = `# T\n\n## 1. Summary\n<!-- guide: lots of guidance words that do not count at all here -->\n\n## Requirements\n${words(24)}\n\n## architecture\n\`\`\`mlsd-diagram\n\`\`\`\n`;
    expect(checkDoc(md, tiny).map((f) => [f.kind, f.section, f.line])).toEqual([
      ['empty-section', '1. Summary', 3],
      ['thin-section', 'Requirements', 6],
      ['thin-section', 'architecture', 9],
    ]);
    expect(checkDoc(md, tiny)[2]!.message).toBe(`"architecture" has 0 words besides its live block; aim for at least ${THIN_WORDS}.`);
  });

  it('is quiet about a complete doc', () => {
    const md = `## Summary\n${words(25)}\n\n## Requirements\n- Peak load: 2,000 req/s\n- p99 < 150 ms\n${words(20)}\n\n## Architecture\n\`\`\`mlsd-diagram\n\`\`\`\n${words(30)}\n`;
    expect(checkDoc(md, tiny)).toEqual([]);
    expect(checkDoc(md, tiny, ctx(design))).toEqual([]);
  });

  it('does not take headings inside code for sections', () => {
    const md = `## Summary\n${words(30)}\n\`\`\`\n## Requirements\n\`\`\`\n`;
    expect(checkDoc(md, tiny).filter((f) => f.kind === 'missing-section').map((f) => f.section)).toEqual(['Requirements', 'Architecture']);
  });

  it('reads bullets, numbered items, checkboxes and table rows in a requirements section', () => {
    const md = [
      '## Requirements', //                                 1
      '- Latency:', //                                      2 lead-in, skipped
      '  - p99 under 0.2 s', //                             3
      '  - fast enough', //                                 4 flagged
      '1. Ten thousand users', //                           5 flagged (no digit)
      '2) 10k users', //                                    6
      '- [ ] secure', //                                    7 flagged
      '-', //                                               8 empty, skipped
      '| What | Target |', //                               9 header
      '|:---|---:|', //                                     10 separator
      '| Cost | cheap |', //                                11 flagged
      '| Freshness | 5 min |', //                          12
      'Plain prose without numbers is not a requirement line.', // 13
      '### Functional', //                                  14
      '- Users see tags', //                                15 skipped
      '### Non-functional targets', //                      16
      '- Reliable', //                                      17 flagged
      '```', //                                             18
      '- in code', //                                       19 skipped
      '```', //                                             20
      '<!-- guide:', //                                     21
      '- in a guide -->', //                                22 skipped
    ].join('\n');
    expect(checkDoc(md, { sections: [] }).map((f) => [f.kind, f.line])).toEqual([4, 5, 7, 11, 17].map((l) => ['requirement-without-number', l]));
  });

  it('reports structural problems: unclosed blocks and comments, unknown blocks', () => {
    const md = '## Summary\n```mlsd-capacty\n```\n<!-- never closed\n';
    const open = '## Summary\n```mlsd-capacity\n';
    expect(checkDoc(md, { sections: [] }).map((f) => [f.kind, f.line])).toEqual([['unknown-block', 2], ['unclosed-comment', 4]]);
    expect(checkDoc(open, { sections: [] }).map((f) => [f.kind, f.line])).toEqual([['unclosed-block', 2]]);
  });
});

describe('latency goals', () => {
  it('reads the usual ways of stating a p99 goal', () => {
    const md = [
      'We need p99 < 150 ms at peak.',
      'Or p99 under 0.2 s.',
      'And a p99 latency of 120ms.',
      '| p99 latency | ≤ 1,500 ms |',
      'P99=2 seconds',
      'p99.9 < 300 ms is a different percentile.',
      'p50 < 20 ms is not a p99.',
      'p99 across 5 stages is not a goal.',
      '`p99 < 1 ms` in prose code still counts as prose here',
      '```',
      'p99 < 999 ms in code does not count',
      '```',
      '<!-- p99 < 998 ms in a comment does not count -->',
    ].join('\n');
    expect(findLatencyGoals(md).map((g) => [g.ms, g.line])).toEqual([[150, 1], [200, 2], [120, 3], [1500, 4], [2000, 5], [1, 9]]);
  });

  it('prefers a goal stated under Requirements, then under Goals, over stage numbers elsewhere', () => {
    const md = '## Serving\nThe ranker has p99 of 30 ms.\n\n## Goals\np99 < 300 ms\n\n## Requirements\n- p99 < 200 ms\n';
    expect(statedLatencyGoal(md)).toEqual({ ms: 200, line: 8, text: 'p99 < 200 ms' });
    expect(statedLatencyGoal(md.replace('- p99 < 200 ms', '- 2,000 req/s'))?.ms).toBe(300);
    expect(statedLatencyGoal('## Serving\nThe ranker has p99 of 30 ms.\n')?.ms).toBe(30);
    expect(statedLatencyGoal('no goals at all')).toBeNull();
  });

  const req = (goal: string) => `## Requirements\n- ${goal}\n`;

  it('is quiet when the goal equals the budget and the estimate meets it, in any unit', () => {
    expect(checkDoc(req('p99 under 0.15 s'), { sections: [] }, ctx(design))).toEqual([]);
  });

  it('flags a goal that differs from the design budget even when the estimate meets both', () => {
    expect(checkDoc(req('p99 < 100 ms'), { sections: [] }, ctx(design)).map((f) => f.kind)).toEqual(['latency-goal-mismatch']);
  });

  it('flags a design without a budget, and a doc without a goal when the design has one', () => {
    const { p99BudgetMs: _drop, ...workload } = design.workload;
    const noBudget = { ...design, workload };
    expect(checkDoc(req('p99 < 150 ms'), { sections: [] }, ctx(noBudget))).toEqual([
      { kind: 'latency-goal-mismatch', line: 2, message: 'The doc states "p99 < 150 ms" but the design sets no p99 budget; set 150 ms on its workload so the capacity model checks it.' },
    ]);
    expect(checkDoc(req('2,000 req/s'), { sections: [] }, ctx(noBudget))).toEqual([]);
    expect(checkDoc(req('2,000 req/s'), { sections: [] }, ctx(design)).map((f) => f.kind)).toEqual(['latency-goal-unstated']);
  });

  it('flags a saturated design as missing any goal', () => {
    const hot = { ...design, workload: { ...design.workload, rps: 5000 } };
    const f = checkDoc(req('p99 < 150 ms'), { sections: [] }, ctx(hot));
    expect(f).toEqual([{ kind: 'latency-goal-missed', line: 2, message: 'The design is saturated at its load, so its p99 is unbounded: it cannot meet the stated 150 ms goal.' }]);
  });
});
