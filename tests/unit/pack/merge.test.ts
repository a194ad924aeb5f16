import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/domain/doc/template.ts';
import { readDesign } from '../../../src/domain/design/format.ts';
import { readPack } from '../../../src/domain/pack/format.ts';
import { applyChoice, applyChoices, planImport, type ExistingLibrary, type ImportChoice, type PlannedItem } from '../../../src/domain/pack/merge.ts';
import { freshName, freshSlug } from '../../../src/domain/pack/rename.ts';
import type { Pack } from '../../../src/domain/pack/schema.ts';
import { readScenario } from '../../../src/domain/scenario/format.ts';
import { smallDesign, starterRaw, templateText } from './packFixtures.ts';

const starter = (): Pack => {
  const r = readPack(starterRaw());
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const empty: ExistingLibrary = { scenarioIds: [], designNames: [], templateIds: [] };
const all = (choice: ImportChoice) => () => choice;

describe('planImport', () => {
  it('marks everything new in an empty library, in pack order', () => {
    const plan = planImport(starter(), empty);
    expect(plan.conflicts).toBe(0);
    expect(plan.items.map((i) => [i.kind, i.key, i.status])).toEqual([
      ['scenario', 'fraud-detection', 'new'],
      ['scenario', 'churn-prediction', 'new'],
      ['scenario', 'recommender', 'new'],
      ['design', 'Reference: payment fraud scoring in the auth path', 'new'],
      ['design', 'Reference: nightly churn scoring with a lookup API', 'new'],
      ['design', 'Reference: two-stage recommender for 10M users', 'new'],
      ['template', 'one-page-brief', 'new'],
    ]);
  });

  it('names the library item each conflict clashes with', () => {
    const plan = planImport(starter(), { scenarioIds: new Set(['fraud-detection', 'anomaly-detection']), designNames: ['Reference: two-stage recommender for 10M users'], templateIds: ['one-page-brief'] });
    expect(plan.conflicts).toBe(3);
    const conflicts = plan.items.filter((i) => i.status === 'conflict').map((i) => [i.kind, i.conflictsWith]);
    expect(conflicts).toEqual([
      ['scenario', 'fraud-detection'],
      ['design', 'Reference: two-stage recommender for 10M users'],
      ['template', 'one-page-brief'],
    ]);
  });

  it('gives fresh keys that clash with nothing in the library or the pack', () => {
    const p = starter();
    p.scenarios.push({ ...p.scenarios[0]!, id: 'fraud-detection-2', referenceDesign: { ...p.scenarios[0]!.referenceDesign, scenarioId: 'fraud-detection-2' } });
    const plan = planImport(p, { ...empty, scenarioIds: ['fraud-detection', 'fraud-detection-3'] });
    const fresh = plan.items.filter((i) => i.kind === 'scenario').map((i) => i.fresh.key);
    expect(fresh[0]).toBe('fraud-detection-4'); // -2 is in the pack, -3 in the library
    expect(new Set(fresh).size).toBe(fresh.length);
    expect(fresh.at(-1)).toBe('fraud-detection-5'); // "fraud-detection-2" counts on from 2, past -3 and -4
  });
});

describe('applyChoice', () => {
  const conflictPlan = () => planImport(starter(), { scenarioIds: ['fraud-detection'], designNames: ['Reference: payment fraud scoring in the auth path'], templateIds: ['one-page-brief'] });
  const item = (kind: PlannedItem['kind'], key: string) => conflictPlan().items.find((i) => i.kind === kind && i.key === key)!;

  it('skip leaves an item out; replace keeps its key and overwrites; a new item is added as is', () => {
    expect(applyChoice(item('scenario', 'fraud-detection'), 'skip')).toBeNull();
    expect(applyChoice(item('scenario', 'fraud-detection'), 'replace')).toMatchObject({ action: 'replace', key: 'fraud-detection', value: { id: 'fraud-detection' } });
    expect(applyChoice(item('scenario', 'recommender'), 'replace')).toMatchObject({ action: 'add', key: 'recommender' });
    expect(applyChoice(item('scenario', 'recommender'), 'keep-both')).toMatchObject({ action: 'add', key: 'recommender' });
    expect(applyChoice(item('scenario', 'recommender'), 'skip')).toBeNull();
  });

  it('keep-both renames a scenario, its title and its reference design link, and the copy still validates', () => {
    const f = applyChoice(item('scenario', 'fraud-detection'), 'keep-both');
    expect(f).toMatchObject({ action: 'add', key: 'fraud-detection-2', renamedFrom: 'fraud-detection' });
    if (f?.kind !== 'scenario') throw new Error('expected a scenario');
    expect(f.value.id).toBe('fraud-detection-2');
    expect(f.value.title).toBe('Payment fraud detection in the authorisation path (2)');
    expect(f.value.referenceDesign.scenarioId).toBe('fraud-detection-2');
    expect(readScenario(f.value)).toMatchObject({ ok: true });
  });

  it('keep-both renames a design by name and a template in its front matter too', () => {
    const d = applyChoice(item('design', 'Reference: payment fraud scoring in the auth path'), 'keep-both');
    expect(d?.kind === 'design' && d.value.name).toBe('Reference: payment fraud scoring in the auth path (2)');
    if (d?.kind === 'design') expect(readDesign(d.value)).toMatchObject({ ok: true });
    const t = applyChoice(item('template', 'one-page-brief'), 'keep-both');
    if (t?.kind !== 'template') throw new Error('expected a template');
    expect(t.value.id).toBe('one-page-brief-2');
    const parsed = parseTemplate(t.value.text);
    expect(parsed.ok && [parsed.template.id, parsed.template.title]).toEqual(['one-page-brief-2', 'One-page brief (2)']);
    // Only the two front-matter lines changed.
    const before = templateText('one-page-brief').split('\n');
    const after = t.value.text.split('\n');
    expect(after.filter((line, i) => line !== before[i])).toEqual(['id: one-page-brief-2', 'title: One-page brief (2)']);
  });
});

describe('applyChoices', () => {
  it('keep-both on a scenario rewires the pack designs that pointed at it', () => {
    const plan = planImport(starter(), { ...empty, scenarioIds: ['fraud-detection', 'recommender'] });
    const out = applyChoices(plan, (i) => (i.key === 'recommender' ? 'skip' : 'keep-both'));
    expect(out.scenarios.map((s) => s.key)).toEqual(['fraud-detection-2', 'churn-prediction']);
    expect(out.designs.map((d) => d.value.scenarioId)).toEqual(['fraud-detection-2', 'churn-prediction', 'recommender']);
    expect(out.skipped).toBe(1);
    // The re-pointed design still names the copy the same way its scenario's reference design does.
    expect(out.designs[0]!.value.scenarioId).toBe(out.scenarios[0]!.value.referenceDesign.scenarioId);
  });

  it('replace and skip keep design links as they were (the library scenario keeps the id)', () => {
    const plan = planImport(starter(), { ...empty, scenarioIds: ['fraud-detection'] });
    for (const choice of ['replace', 'skip'] as const) {
      const out = applyChoices(plan, (i) => (i.kind === 'scenario' && i.status === 'conflict' ? choice : 'keep-both'));
      expect(out.designs[0]!.value.scenarioId).toBe('fraud-detection');
    }
  });

  it('does not rewire a design that links to a library scenario the pack does not carry', () => {
    const r = readPack({ format: 'mlsd-pack', version: 2, id: 'x-pack', title: 'X', scenarios: [], designs: [smallDesign('Mine', 'fraud-detection')] });
    if (!r.ok) throw new Error(r.message);
    const out = applyChoices(planImport(r.value, { ...empty, scenarioIds: ['fraud-detection'] }), all('keep-both'));
    expect(out.designs[0]!.value.scenarioId).toBe('fraud-detection');
  });

  it('an import of keep-both copies gives a library with no duplicate keys', () => {
    const p = starter();
    const lib = { scenarioIds: p.scenarios.map((s) => s.id), designNames: p.designs!.map((d) => d.name), templateIds: ['one-page-brief'] };
    const out = applyChoices(planImport(p, lib), all('keep-both'));
    const ids = [...lib.scenarioIds, ...out.scenarios.map((s) => s.key)];
    const names = [...lib.designNames, ...out.designs.map((d) => d.key)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    // Importing the same pack twice over: the copies count on.
    const again = applyChoices(planImport(p, { scenarioIds: ids, designNames: names, templateIds: ['one-page-brief', 'one-page-brief-2'] }), all('keep-both'));
    expect(again.scenarios.map((s) => s.key)).toEqual(['fraud-detection-3', 'churn-prediction-3', 'recommender-3']);
    expect(again.templates.map((t) => t.key)).toEqual(['one-page-brief-3']);
  });
});

describe('fresh keys', () => {
  it('stay valid slugs and names at the length limits', () => {
    const long = `a${'-b'.repeat(31)}`; // 63 characters
    const k = freshSlug(long, new Set([long]));
    expect(k.key.length).toBeLessThanOrEqual(63);
    expect(k.key).toMatch(/^[a-z0-9][a-z0-9-]{1,62}$/);
    expect(k.key).not.toMatch(/--/);
    const name = 'N'.repeat(200);
    expect(freshName(name, new Set([name]), 200).key).toBe(`${'N'.repeat(196)} (2)`);
    expect(freshName('Plan (7)', new Set(['Plan (7)', 'Plan (8)']), 200).key).toBe('Plan (9)');
  });
});
