import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packJsonSchema, packJsonSchemaText } from '../../../src/domain/pack/jsonSchema.ts';
import { readPackText } from '../../../src/domain/pack/format.ts';
import { validatePackText } from '../../../src/domain/pack/validate.ts';
import { STARTER, STARTER_FILE, starterPackText } from '../../../scripts/pack-example.ts';
import { checkJsonSchema } from './jsonSchemaCheck.ts';
import { minimalPack, readJsonFile, starterRaw, V1_PATH } from './packFixtures.ts';

const SCHEMA_FILE = 'schemas/mlsd-pack.schema.json';

describe('published JSON Schema', () => {
  it('is exactly what the zod schema generates today (run: npx tsx scripts/pack-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(packJsonSchemaText());
  });

  it('names the item kinds and requires the top-level fields', () => {
    const s = readJsonFile(SCHEMA_FILE) as { required: string[]; $defs: Record<string, unknown>; properties: Record<string, { const?: unknown }> };
    expect(s.required).toEqual(['format', 'version', 'id', 'title', 'scenarios']);
    expect(Object.keys(s.$defs).sort()).toEqual(['Design', 'PackTemplate', 'Scenario']);
    expect(s.properties.format!.const).toBe('mlsd-pack');
    expect(s.properties.version!.const).toBe(2);
  });

  it('accepts the example pack and the minimal pack', () => {
    expect(checkJsonSchema(packJsonSchema(), starterRaw())).toEqual([]);
    expect(checkJsonSchema(packJsonSchema(), minimalPack())).toEqual([]);
  });

  it('rejects what breaks its shape, at the same path the app reports', () => {
    const raw = starterRaw();
    delete raw.title;
    raw.scenarios[1].difficulty = 'easy';
    raw.designs[0].nodes[0].params = { ...raw.designs[0].nodes[0].params, warpFactor: 9 };
    expect(checkJsonSchema(packJsonSchema(), raw)).toEqual([
      '(root): missing required "title"',
      'scenarios[1].difficulty: not one of the enum values',
      'designs[0].nodes[0].params: unexpected property "warpFactor"',
    ]);
    // An old version is not the published shape (the app migrates it; the schema describes the current one).
    expect(checkJsonSchema(packJsonSchema(), readJsonFile(V1_PATH))).not.toEqual([]);
  });
});

describe('example pack', () => {
  it('is what scripts/pack-example.ts builds from today\'s scenarios and templates', () => {
    expect(readFileSync(STARTER_FILE, 'utf8')).toBe(starterPackText());
  });

  it('reads, passes every scenario check and carries each reference design and the template', () => {
    const text = readFileSync(STARTER_FILE, 'utf8');
    const report = validatePackText(text);
    expect(report).toEqual({ ok: true, id: STARTER.id, counts: { scenarios: 3, designs: 3, templates: 1 }, problems: [], warnings: [] });
    const r = readPackText(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.designs).toEqual(r.value.scenarios.map((s) => s.referenceDesign));
    expect(r.value.templates?.[0]?.text).toBe(readFileSync('templates/one-page-brief.md', 'utf8'));
  });
});
