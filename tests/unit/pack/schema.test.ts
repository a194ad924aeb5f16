import { describe, expect, it } from 'vitest';
import { readPack, readPackText } from '../../../src/domain/pack/format.ts';
import { listPackProblems, packWarnings } from '../../../src/domain/pack/problems.ts';
import { PACK_VERSION } from '../../../src/domain/pack/schema.ts';
import { minimalPack, scenarioRaw, smallDesign, starterRaw, templateText, type Raw } from './packFixtures.ts';

const refused = (raw: Raw) => {
  const r = readPack(raw);
  if (r.ok) throw new Error('expected the pack to be refused');
  return r;
};

describe('pack schema: accepts', () => {
  it('the example pack and the minimal one-design pack', () => {
    const r = readPack(starterRaw());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBeUndefined();
      expect(r.value.scenarios.map((s) => s.id)).toEqual(['fraud-detection', 'churn-prediction', 'recommender']);
    }
    expect(readPack(minimalPack())).toMatchObject({ ok: true });
  });

  it('a pack of only templates, and optional author, description and createdAt (with a zone offset)', () => {
    const raw = { format: 'mlsd-pack', version: 2, id: 'docs-only', title: 'Docs only', author: 'Ada', description: '', createdAt: '2025-03-01T09:30:00+01:00', scenarios: [], templates: [{ id: 'one-page-brief', text: templateText('one-page-brief') }] };
    const r = readPack(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.templates?.[0]?.text).toBe(templateText('one-page-brief'));
  });

  it('a design whose scenarioId names no scenario in the pack, with a warning instead of a failure', () => {
    const r = readPack({ ...minimalPack(), designs: [smallDesign('A', 'fraud-detection'), smallDesign('B')] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(packWarnings(r.value)).toEqual([{ path: 'designs[0].scenarioId', message: expect.stringContaining('"fraud-detection"') }]);
  });

  it('warns about nothing when every design names a scenario of the pack', () => {
    const r = readPack(starterRaw());
    expect(r.ok && packWarnings(r.value)).toEqual([]);
  });
});

describe('pack schema: refuses, with the path of the problem', () => {
  it('a pack with no items at all', () => {
    expect(refused({ ...minimalPack(), designs: [] })).toMatchObject({ reason: 'invalid', path: 'scenarios', message: expect.stringContaining('at least one scenario, design or template') });
  });

  it('a bad pack id, an empty title, a bad createdAt', () => {
    expect(refused({ ...minimalPack(), id: 'Not A Slug' }).path).toBe('id');
    expect(refused({ ...minimalPack(), title: '   ' }).path).toBe('title');
    expect(refused({ ...minimalPack(), createdAt: 'yesterday' })).toMatchObject({ path: 'createdAt', message: expect.stringContaining('ISO 8601') });
  });

  it('duplicate scenario ids, design names and template ids', () => {
    const s = scenarioRaw('fraud-detection');
    expect(refused({ ...minimalPack(), scenarios: [s, s] })).toMatchObject({ path: 'scenarios[1].id', message: expect.stringContaining('duplicate scenario id "fraud-detection"') });
    expect(refused({ ...minimalPack(), designs: [smallDesign('X'), smallDesign('Y'), smallDesign('X')] }).path).toBe('designs[2].name');
    const t = { id: 'one-page-brief', text: templateText('one-page-brief') };
    expect(refused({ ...minimalPack(), templates: [t, t] }).path).toBe('templates[1].id');
  });

  it('a problem deep inside an embedded scenario or design', () => {
    const s = scenarioRaw('churn-prediction');
    s.followUps[2].dimension = 'charisma';
    expect(refused({ ...minimalPack(), scenarios: [s] }).path).toBe('scenarios[0].followUps[2].dimension');
    const d = smallDesign();
    d.edges.push({ from: 'api', to: 'ghost' });
    expect(refused({ ...minimalPack(), designs: [d] })).toMatchObject({ path: 'designs[0].edges[1].to', message: expect.stringContaining('missing node "ghost"') });
  });

  it('a template whose Markdown is not a template, or whose front matter names another id', () => {
    const broken = refused({ ...minimalPack(), templates: [{ id: 'x-brief', text: '# no front matter' }] });
    expect(broken).toMatchObject({ path: 'templates[0].text', message: expect.stringContaining('line 1:') });
    expect(refused({ ...minimalPack(), templates: [{ id: 'other-id', text: templateText('one-page-brief') }] })).toMatchObject({
      path: 'templates[0].id',
      message: expect.stringContaining('front matter says id "one-page-brief"'),
    });
  });

  it('too many items in a list', () => {
    const designs = Array.from({ length: 201 }, (_, i) => smallDesign(`D${i}`));
    expect(refused({ ...minimalPack(), designs })).toMatchObject({ path: 'designs', message: expect.stringContaining('at most 200 designs') });
  });

  it('the wrong format, no version, a non-object', () => {
    expect(refused({ ...minimalPack(), format: 'mlsd-design' })).toMatchObject({ reason: 'wrong-format', path: 'format' });
    const { version: _v, ...noVersion } = minimalPack();
    expect(refused(noVersion)).toMatchObject({ reason: 'invalid', path: 'version' });
    expect(refused([minimalPack()])).toMatchObject({ reason: 'wrong-format' });
    expect(readPackText('{"format": "mlsd-pack",')).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('a pack from a newer version, saying so and changing nothing', () => {
    const raw = { ...minimalPack(), version: PACK_VERSION + 1, somethingNew: [1, 2, 3] };
    const before = JSON.stringify(raw);
    const r = refused(raw);
    expect(r.reason).toBe('too-new');
    expect(r.message).toContain('newer version');
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('listPackProblems lists every problem, where readPack stops at the first', () => {
    const s = scenarioRaw('churn-prediction');
    s.followUps[2].dimension = 'charisma';
    const d = smallDesign('X');
    d.workload.rps = -1;
    const raw = { ...minimalPack(), id: 'BAD', scenarios: [s], designs: [d] };
    expect(listPackProblems(raw).map((p) => p.path)).toEqual(['id', 'scenarios[0].followUps[2].dimension', 'designs[0].workload.rps']);
    // Cross-item rules (unique keys) run once the shape is right, so they come in a second pass of fixes.
    const t = { id: 'one-page-brief', text: templateText('one-page-brief') };
    expect(listPackProblems({ ...minimalPack(), designs: [smallDesign('X'), smallDesign('X')], templates: [t, t] }).map((p) => p.path)).toEqual(['designs[1].name', 'templates[1].id']);
    expect(listPackProblems(minimalPack())).toEqual([]);
    expect(listPackProblems({ ...minimalPack(), version: 99 })).toEqual([{ path: 'version', message: expect.stringContaining('newer version') }]);
  });
});
