import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../src/domain/pack/build.ts';
import { packFileName, packToFileText, readPack, readPackText } from '../../../src/domain/pack/format.ts';
import { packFromFiles } from '../../../src/domain/pack/fromFiles.ts';
import { readScenario } from '../../../src/domain/scenario/format.ts';
import { scenarioRaw, smallDesign, templateText } from './packFixtures.ts';

const scenario = (id: string) => {
  const r = readScenario(scenarioRaw(id));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('buildPack', () => {
  it('builds a valid pack from selected items, leaving empty lists out', () => {
    const r = buildPack({ id: 'my-pack', title: 'My pack', scenarios: [scenario('recommender')], designs: [], templates: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ format: 'mlsd-pack', version: 2, id: 'my-pack' });
    expect('designs' in r.value).toBe(false);
    expect('templates' in r.value).toBe(false);
    expect('createdAt' in r.value).toBe(false);
  });

  it('keeps author, description and createdAt when given', () => {
    const r = buildPack({ id: 'mine', title: 'Mine', author: 'Ada', description: 'Why', createdAt: '2025-01-31T12:00:00Z', designs: [smallDesign()] });
    expect(r).toMatchObject({ ok: true, value: { author: 'Ada', description: 'Why', createdAt: '2025-01-31T12:00:00Z' } });
  });

  it('refuses a selection that would not read back, with the path', () => {
    expect(buildPack({ id: 'mine', title: 'Mine' })).toMatchObject({ ok: false, path: 'scenarios' });
    expect(buildPack({ id: 'mine', title: 'Mine', designs: [smallDesign('Same'), smallDesign('Same')] })).toMatchObject({ ok: false, path: 'designs[1].name' });
    expect(buildPack({ id: 'Mine!', title: 'Mine', designs: [smallDesign()] })).toMatchObject({ ok: false, path: 'id' });
  });

  it('file text reads back to the same pack; the file name comes from the id', () => {
    const r = buildPack({ id: 'round-trip', title: 'Round trip', scenarios: [scenario('fraud-detection')], designs: [smallDesign('D', 'fraud-detection')], templates: [{ id: 'one-page-brief', text: templateText('one-page-brief') }] });
    if (!r.ok) throw new Error(r.message);
    const text = packToFileText(r.value);
    expect(text.endsWith('}\n')).toBe(true);
    expect(readPackText(text)).toEqual({ ok: true, value: r.value });
    expect(packFileName(r.value)).toBe('round-trip.mlsd-pack.json');
  });
});

describe('packFromFiles', () => {
  const file = (name: string, value: unknown) => ({ name, text: typeof value === 'string' ? value : JSON.stringify(value) });

  it('adds each scenario\'s reference design after any design files', () => {
    const r = packFromFiles({ id: 'files', title: 'Files' }, { scenarios: [file('a.scenario.json', scenarioRaw('churn-prediction'))], designs: [file('d.mlsd.json', smallDesign('Mine'))] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.pack.designs?.map((d) => d.name)).toEqual(['Mine', 'Reference: nightly churn scoring with a lookup API']);
    const bare = packFromFiles({ id: 'files', title: 'Files' }, { scenarios: [file('a.scenario.json', scenarioRaw('churn-prediction'))] }, { referenceDesigns: false });
    expect(bare.ok && bare.pack.designs).toBeUndefined();
  });

  it('reports every bad file by name', () => {
    const r = packFromFiles({ id: 'files', title: 'Files' }, { scenarios: [file('bad.scenario.json', '{"format":"mlsd-scenario","version":1}')], designs: [file('bad.mlsd.json', 'nope')], templates: [file('bad.md', '# hi')] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['bad.scenario.json', 'bad.mlsd.json', 'bad.md']);
  });

  it('refuses two files of the same scenario as a pack problem', () => {
    const s = file('a.scenario.json', scenarioRaw('churn-prediction'));
    const r = packFromFiles({ id: 'files', title: 'Files' }, { scenarios: [s, s] });
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'scenarios[1].id' }] });
  });
});

it('readPack of a built pack is idempotent', () => {
  const r = buildPack({ id: 'idem', title: 'Idem', scenarios: [scenario('recommender')] });
  if (!r.ok) throw new Error(r.message);
  expect(readPack(r.value)).toEqual({ ok: true, value: r.value });
});
