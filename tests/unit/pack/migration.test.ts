import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../../../src/domain/design/format.ts';
import { readPack, readPackText } from '../../../src/domain/pack/format.ts';
import { packMigrations } from '../../../src/domain/pack/migrations.ts';
import { packWarnings } from '../../../src/domain/pack/problems.ts';
import { PACK_VERSION } from '../../../src/domain/pack/schema.ts';
import { assertContiguous } from '../../../src/domain/versioning/readVersioned.ts';
import { readJsonFile, smallDesign, V1_PATH } from './packFixtures.ts';

describe('pack migrations', () => {
  it('cover every version up to the current one', () => {
    expect(() => assertContiguous({ currentVersion: PACK_VERSION, migrations: packMigrations })).not.toThrow();
  });

  it('pack.v1.json migrates and validates', () => {
    const r = readPackText(readFileSync(V1_PATH, 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.value.version).toBe(PACK_VERSION);
    const designs = r.value.designs ?? [];
    expect(designs.map((d) => d.name)).toEqual(['Anomaly detection: my variant', 'Tiny scoring API', 'Bare cache sketch']);
    // Each design is now a plain design file.
    for (const d of designs) expect(readDesign(d)).toMatchObject({ ok: true });
    expect(r.value.templates).toBeUndefined();
    expect(packWarnings(r.value).map((w) => w.path)).toEqual(['designs[1].scenarioId']);
  });

  it('moves a v1 note into the design description, after the text already there', () => {
    const v1 = readJsonFile(V1_PATH) as { designs: { design: { description?: string }; note?: string }[] };
    const r = readPack(v1);
    if (!r.ok) throw new Error(r.message);
    const [variant, tiny, bare] = r.value.designs!;
    expect(variant!.description).toBe(`${v1.designs[0]!.design.description}\n\n${v1.designs[0]!.note}`);
    expect(tiny!.description).toBe(v1.designs[1]!.note);
    expect(bare!.description).toBeUndefined();
  });

  it('leaves an entry that is not {design} for the schema to report at its path', () => {
    const raw = { format: 'mlsd-pack', version: 1, id: 'odd', title: 'Odd', scenarios: [], designs: [{ design: smallDesign() }, 'not a design'] };
    expect(readPack(raw)).toMatchObject({ ok: false, reason: 'invalid', path: 'designs[1]' });
  });

  it('does not touch the value it was given', () => {
    const v1 = readJsonFile(V1_PATH);
    const before = JSON.stringify(v1);
    readPack(v1);
    expect(JSON.stringify(v1)).toBe(before);
  });
});
