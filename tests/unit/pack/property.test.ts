import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPack, readPackText } from '../../../src/domain/pack/format.ts';
import { packSchema } from '../../../src/domain/pack/schema.ts';
import { minimalPack, starterRaw } from './packFixtures.ts';
import { mutateAt } from '../shared/mutateAt.ts';


const packLike = fc.record(
  {
    format: fc.constantFrom('mlsd-pack', 'mlsd-design', 1),
    version: fc.oneof(fc.constantFrom(1, 2, 3, 0, -1, 1.5), fc.jsonValue()),
    id: fc.oneof(fc.constant('a-pack'), fc.string()),
    title: fc.oneof(fc.constant('A pack'), fc.string()),
    scenarios: fc.oneof(fc.constant([]), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
    designs: fc.oneof(fc.array(fc.record({ design: fc.jsonValue(), note: fc.jsonValue() }, { requiredKeys: [] }), { maxLength: 3 }), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
    templates: fc.oneof(fc.array(fc.record({ id: fc.string(), text: fc.string() }), { maxLength: 2 }), fc.jsonValue()),
  },
  { requiredKeys: ['format'] },
);

describe('readPack properties', () => {
  it('never throws on any JSON value, and what it accepts the schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), packLike), (raw) => {
        const r = readPack(raw);
        if (r.ok) expect(packSchema.safeParse(r.value).success).toBe(true);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any string, JSON or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null')), (text) => {
        const r = readPackText(text);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('for current-version packs, accepts exactly what the zod schema accepts (random edits of valid packs)', () => {
    const bases = [minimalPack(), starterRaw()];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.array(fc.nat(40), { minLength: 1, maxLength: 7 }), fc.jsonValue({ maxDepth: 2 }), (which, steps, value) => {
        const raw = mutateAt(structuredClone(bases[which]), steps, value);
        const r = readPack(raw);
        if (raw && typeof raw === 'object' && raw.format === 'mlsd-pack' && raw.version === 2) {
          expect(r.ok).toBe(packSchema.safeParse(raw).success);
        } else if (r.ok) {
          // Only an edit to version 1 can still read (as a migrated pack); what it gives must then be valid.
          expect(raw.version).toBe(1);
          expect(packSchema.safeParse(r.value).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
