import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDesign, readDesignText, designToFileText, designFileName } from '../../../src/domain/design/format.ts';
import { readVersioned, assertContiguous } from '../../../src/domain/versioning/readVersioned.ts';
import { z } from 'zod';
import { designMigrations } from '../../../src/domain/design/migrations.ts';
import { emptyDesign } from '../../../src/domain/design/ops.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('reading design files', () => {
  it('reads the frozen v1 fixture', () => {
    const r = readDesignText(fixture('design.v1.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nodes).toHaveLength(6);
    expect(r.value.edges[3]).toEqual({ from: 'cache-1', to: 'model-server-1', hitRatio: 0.3 });
    expect(r.value.nodes[4]?.params?.maxBatch).toBe(32);
  });

  it('round-trips through file text', () => {
    const r = readDesignText(fixture('design.v1.json'));
    if (!r.ok) throw new Error(r.message);
    const again = readDesignText(designToFileText(r.value));
    expect(again).toEqual({ ok: true, value: r.value });
  });

  it('refuses text that is not JSON', () => {
    const r = readDesignText('{"format": "mlsd-design", ');
    expect(r).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('refuses another format', () => {
    expect(readDesign({ format: 'excalidraw', version: 2 })).toMatchObject({ ok: false, reason: 'wrong-format', path: 'format' });
    expect(readDesign([1, 2])).toMatchObject({ ok: false, reason: 'wrong-format' });
  });

  it('refuses a newer version with a clear message', () => {
    const r = readDesign({ ...emptyDesign('x'), version: 7 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('too-new');
    expect(r.message).toMatch(/newer version of MLSD Studio/);
  });

  it('names the first problem with its path', () => {
    const bad = { ...emptyDesign('x'), nodes: [{ id: 'a', kind: 'cache', params: { serviceMs: -1 } }] };
    const r = readDesign(bad);
    expect(r).toMatchObject({ ok: false, reason: 'invalid', path: 'nodes[0].params.serviceMs' });
    if (!r.ok) expect(r.message).toContain('serviceMs must be above 0');
  });

  it.each([
    ['edge to a missing node', { nodes: [{ id: 'a', kind: 'cache' }], edges: [{ from: 'a', to: 'zz' }] }, 'edges[0].to'],
    ['duplicate ids', { nodes: [{ id: 'a', kind: 'cache' }, { id: 'a', kind: 'database' }], edges: [] }, 'nodes[1].id'],
    ['unknown kind', { nodes: [{ id: 'a', kind: 'teleporter' }], edges: [] }, 'nodes[0].kind'],
    ['self loop', { nodes: [{ id: 'a', kind: 'cache' }], edges: [{ from: 'a', to: 'a' }] }, 'edges[0]'],
    ['NaN replicas', { nodes: [{ id: 'a', kind: 'cache', replicas: Number.NaN }], edges: [] }, 'nodes[0].replicas'],
    ['unknown param', { nodes: [{ id: 'a', kind: 'cache', params: { evil: 1 } }], edges: [] }, 'nodes[0].params'],
    ['bad id characters', { nodes: [{ id: '<script>', kind: 'cache' }], edges: [] }, 'nodes[0].id'],
  ])('refuses %s', (_name, patch, path) => {
    const r = readDesign({ ...emptyDesign('x'), ...patch });
    expect(r).toMatchObject({ ok: false, reason: 'invalid', path });
  });

  it('makes safe file names', () => {
    expect(designFileName({ ...emptyDesign('a/b: c?') })).toBe('a b c.mlsd.json');
  });
});

describe('migration framework', () => {
  it('design migrations cover every version step', () => {
    expect(() => assertContiguous({ currentVersion: 1, migrations: designMigrations })).not.toThrow();
    expect(() => assertContiguous({ currentVersion: 3, migrations: { 1: (d) => d } })).toThrow(/missing migration 2/);
  });

  it('runs steps 1..N in order, then validates with the latest schema', () => {
    // A made-up history: v1 called the name "title"; v2 added a default workload; v3 is current.
    const steps: number[] = [];
    const spec = {
      format: 'toy',
      noun: 'toy',
      currentVersion: 3,
      schema: z.object({ format: z.literal('toy'), version: z.literal(3), name: z.string(), rps: z.number() }),
      migrations: {
        1: (d: Record<string, unknown>) => {
          steps.push(1);
          const { title, ...rest } = d;
          return { ...rest, name: title };
        },
        2: (d: Record<string, unknown>) => {
          steps.push(2);
          return { ...d, rps: 10 };
        },
      },
    };
    const r = readVersioned({ format: 'toy', version: 1, title: 'Old' }, spec);
    expect(steps).toEqual([1, 2]);
    expect(r).toEqual({ ok: true, value: { format: 'toy', version: 3, name: 'Old', rps: 10 }, migratedFrom: 1 });
    // A migration that produces an invalid shape is reported, not thrown.
    const broken = { ...spec, migrations: { ...spec.migrations, 2: (d: Record<string, unknown>) => d } };
    expect(readVersioned({ format: 'toy', version: 1, title: 'Old' }, broken)).toMatchObject({ ok: false, reason: 'invalid', path: 'rps' });
  });
});
