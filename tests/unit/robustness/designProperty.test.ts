import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../../src/domain/design/examples.ts';
import { designToFileText, readDesign, readDesignText } from '../../../src/domain/design/format.ts';
import { importDesignFile } from '../../../src/domain/design/importFile.ts';
import { designSchema } from '../../../src/domain/design/schema.ts';
import { designProblems } from './invariants.ts';
import { mutateAt } from '../shared/mutateAt.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations poke at arbitrary paths of raw JSON
type Raw = any;

const BASES: Raw[] = [
  JSON.parse(readFileSync('tests/fixtures/design.v1.json', 'utf8')),
  JSON.parse(readFileSync('tests/fixtures/bad/design/hostile-labels.mlsd.json', 'utf8')),
  exampleDesign(),
];
const base = (i: number): Raw => structuredClone(BASES[i % BASES.length]);
const baseIndex = fc.nat(BASES.length - 1);

/** Whatever the reader returns: no throw, and when it says ok, the value is sound by the schema and by hand. */
function check(r: ReturnType<typeof readDesign>): void {
  if (r.ok) {
    expect(designSchema.safeParse(r.value).success).toBe(true);
    expect(designProblems(r.value)).toEqual([]);
  } else {
    expect(['not-json', 'wrong-format', 'too-new', 'invalid']).toContain(r.reason);
    expect(r.message.length).toBeGreaterThan(10);
  }
}

const NUMS = [NaN, Infinity, -Infinity, -1, 0, -0, 0.5, 1, 1e308, -1e308, 2 ** 53, Number.MIN_VALUE];
const anyNumber = fc.oneof(fc.constantFrom(...NUMS), fc.double(), fc.integer());
const id = fc.oneof(fc.constantFrom('api', 'model', 'cache', '__proto__', 'constructor', '', 'a b', '<img>'), fc.string({ maxLength: 8 }));

/** Design-shaped values with every field drawn from near-valid and hostile choices. */
const designLike = fc.record(
  {
    format: fc.constantFrom('mlsd-design', 'mlsd-pack', 'MLSD-DESIGN', undefined),
    version: fc.oneof(fc.constantFrom(1, 2, 0, -1, 1.5, '1', null), anyNumber),
    name: fc.oneof(fc.constant('A design'), fc.constant('   '), fc.string({ maxLength: 220 })),
    workload: fc.oneof(fc.record({ rps: anyNumber, peakFactor: anyNumber, payloadKb: anyNumber }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 })),
    nodes: fc.oneof(
      fc.array(
        fc.record(
          {
            id,
            kind: fc.constantFrom('client', 'api-gateway', 'model-server', 'cache', 'monitoring', '<script>', ''),
            label: fc.oneof(fc.string({ maxLength: 130 }), anyNumber),
            replicas: anyNumber,
            params: fc.oneof(fc.record({ serviceMs: anyNumber, concurrency: anyNumber, maxBatch: anyNumber, model: fc.string() }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 })),
            position: fc.record({ x: anyNumber, y: anyNumber }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    edges: fc.oneof(
      fc.array(fc.record({ from: id, to: id, hitRatio: anyNumber, callsPerRequest: anyNumber, label: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }), { maxLength: 5 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);


/** Edits that must make any valid design invalid, each with a fragment of the message it must give. */
type Break = (d: Raw, pick: number) => string | RegExp;
const BREAKS: Record<string, Break> = {
  'duplicate node id': (d, pick) => {
    const i = pick % d.nodes.length;
    const j = (i + 1 + (pick % (d.nodes.length - 1))) % d.nodes.length;
    d.nodes[j].id = d.nodes[i].id;
    return 'duplicate node id';
  },
  'edge to a missing node': (d, pick) => {
    d.edges.push({ from: d.nodes[pick % d.nodes.length].id, to: `ghost-${pick}` });
    return `edge ends at missing node "ghost-${pick}"`;
  },
  'edge from a missing node': (d, pick) => {
    d.edges.splice(pick % (d.edges.length + 1), 0, { from: `ghost-${pick}`, to: d.nodes[0].id });
    return 'edge starts at missing node';
  },
  'edge to itself': (d, pick) => {
    const n = d.nodes[pick % d.nodes.length].id;
    d.edges.push({ from: n, to: n });
    return 'to itself';
  },
  'bad number': (d, pick) => {
    const slots: [Raw, string][] = [[d.workload, 'rps'], [d.workload, 'peakFactor']];
    for (const n of d.nodes) {
      slots.push([n, 'replicas']);
      for (const k of ['serviceMs', 'concurrency', 'maxBatch', 'batchWindowMs', 'instances', 'costPerHourUsd']) if (n.params?.[k] !== undefined) slots.push([n.params, k]);
    }
    for (const e of d.edges) slots.push([e, 'hitRatio'], [e, 'callsPerRequest']);
    const [obj, key] = slots[pick % slots.length]!;
    obj[key] = [NaN, Infinity, -Infinity, -1, 1e308, -1e308, 'NaN', '1', null, true, [], {}][Math.floor(pick / slots.length) % 12];
    return new RegExp(`${key}|cost`);
  },
  'required field dropped': (d, pick) => {
    const drops: [Raw, string][] = [[d, 'name'], [d, 'workload'], [d, 'nodes'], [d, 'edges'], [d.workload, 'rps'], [d.nodes[pick % d.nodes.length], 'id'], [d.nodes[pick % d.nodes.length], 'kind']];
    if (d.edges.length > 0) drops.push([d.edges[pick % d.edges.length], 'from'], [d.edges[pick % d.edges.length], 'to']);
    const [obj, key] = drops[pick % drops.length]!;
    delete obj[key];
    return /is missing|must be a number|missing node/;
  },
  'wrong type': (d, pick) => {
    const slots: [Raw, string, unknown][] = [[d, 'name', 42], [d, 'nodes', {}], [d, 'edges', 'none'], [d, 'workload', [d.workload]], [d.nodes[pick % d.nodes.length], 'kind', 7], [d.nodes[pick % d.nodes.length], 'label', ['a']]];
    const [obj, key, value] = slots[pick % slots.length]!;
    obj[key] = value;
    return /should be|must be/;
  },
  'newer version': (d, pick) => {
    d.version = 2 + (pick % 50);
    return 'newer version of MLSD Studio';
  },
  'other format': (d, pick) => {
    d.format = ['mlsd-pack', 'mlsd-backup', 'mlsd-doc', '', 'excalidraw'][pick % 5];
    return 'Not a design file';
  },
};

/** Edits that keep a valid design valid, and must come through as written. */
const KEEPS: Record<string, (d: Raw, pick: number, text: string) => void> = {
  'any label': (d, pick, text) => {
    d.nodes[pick % d.nodes.length].label = text.slice(0, 120);
  },
  'nodes reordered': (d, pick) => {
    d.nodes.push(...d.nodes.splice(0, pick % d.nodes.length));
  },
  'an unknown field holding NaN': (d, pick) => {
    d.nodes[pick % d.nodes.length].note = NaN;
  },
  'an extra node and an edge to it': (d, pick) => {
    const extra = `extra-${d.nodes.length}`;
    d.nodes.push({ id: extra, kind: 'logging', replicas: 1 + (pick % 10) });
    d.edges.push({ from: d.nodes[0].id, to: extra, callsPerRequest: 0.5 });
  },
};

describe('design reading (fast-check)', () => {
  it('never throws on any JSON value or design-shaped value, and accepts only sound designs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), designLike), (raw) => check(readDesign(raw))),
      { numRuns: 500 },
    );
  });

  it('never throws on any text, JSON or not, with any claimed size', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'), designLike.map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(text, fc.nat(10 * 1024 * 1024), (t, size) => {
        check(readDesignText(t));
        check(importDesignFile(t, size));
      }),
      { numRuns: 300 },
    );
  });

  it('random edits of valid designs: whatever is accepted is sound, and reads back the same from its file text', () => {
    fc.assert(
      fc.property(baseIndex, fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyNumber), (b, steps, value) => {
        const r = readDesign(mutateAt(base(b), steps, value));
        check(r);
        // JSON has no -0, so compare with the value as JSON writes it.
        if (r.ok) expect(readDesignText(designToFileText(r.value))).toEqual({ ok: true, value: JSON.parse(JSON.stringify(r.value)) });
      }),
      { numRuns: 400 },
    );
  });

  it('edits that break a design are always refused, with a message that names the problem', () => {
    fc.assert(
      fc.property(baseIndex, fc.constantFrom(...Object.keys(BREAKS)), fc.nat(10_000), fc.array(fc.tuple(fc.constantFrom(...Object.keys(KEEPS)), fc.nat(10_000)), { maxLength: 2 }), (b, kind, pick, keeps) => {
        const d = base(b);
        for (const [k, p] of keeps) KEEPS[k]!(d, p, 'label');
        const fragment = BREAKS[kind]!(d, pick);
        const r = readDesign(d);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toMatch(fragment);
      }),
      { numRuns: 400 },
    );
  });

  it('edits that keep a design valid are accepted, with hostile text kept exactly', () => {
    const hostile = fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '%%{init: {"securityLevel":"loose"}}%%', '__proto__'));
    fc.assert(
      fc.property(baseIndex, fc.array(fc.tuple(fc.constantFrom(...Object.keys(KEEPS)), fc.nat(10_000)), { minLength: 1, maxLength: 3 }), hostile, (b, keeps, text) => {
        const d = base(b);
        for (const [k, p] of keeps) KEEPS[k]!(d, p, text);
        const r = readDesign(d);
        check(r);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.nodes.map((n) => n.id)).toEqual(d.nodes.map((n: Raw) => n.id));
        expect(r.value.nodes.map((n) => n.label)).toEqual(d.nodes.map((n: Raw) => n.label));
      }),
      { numRuns: 300 },
    );
  });
});
