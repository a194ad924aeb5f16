import { describe, expect, it } from 'vitest';
import { REQUEST_DELAY_SUFFIX, toNetwork, UNLIMITED_SERVERS } from '../../../src/domain/capacity/index.ts';
import { design, serving } from './designs.ts';

describe('toNetwork (Design → SimNetwork)', () => {
  const net = toNetwork(serving(), { loadMultiplier: 1.5 });
  const station = (id: string) => net.stations.find((s) => s.id === id)!;

  it('carries the design load and Poisson arrivals, entering at the client', () => {
    expect(net.arrivalRps).toBe(600);
    expect(net.arrival).toEqual({ kind: 'poisson' });
    expect(net.entries).toEqual([{ station: 'client', share: 1 }]);
    expect(station('client')).toMatchObject({ servers: UNLIMITED_SERVERS, service: { meanMs: 0, cv: 0 }, sync: true });
  });

  it('maps queues with servers = replicas × concurrency and their service time and CV', () => {
    expect(station('db')).toMatchObject({ servers: 16, service: { meanMs: 2, cv: 1 }, sync: true });
    expect(station('api')).toMatchObject({ servers: 512, service: { meanMs: 1, cv: 0.8 } });
    expect(station('log').sync).toBe(false);
  });

  it('leaves offline nodes out and turns cache hits into call probabilities', () => {
    expect(net.stations.some((s) => s.id === 'train')).toBe(false);
    expect(net.routes.some((r) => r.to === 'train' || r.from === 'train')).toBe(false);
    expect(net.routes.find((r) => r.from === 'cache' && r.to === 'db')!.calls).toBeCloseTo(0.2, 12);
  });

  it('gives a model server its batching parameters and a pure-delay station for the request overhead', () => {
    const model = station('model');
    expect(model.servers).toBe(2);
    expect(model.batching).toMatchObject({ maxBatch: 16, windowMs: 0 });
    expect(model.batching!.aMs).toBeGreaterThan(0);
    expect(model.batching!.bMs).toBeGreaterThan(0);
    const delay = station(`model${REQUEST_DELAY_SUFFIX}`);
    expect(delay.servers).toBe(UNLIMITED_SERVERS);
    expect(delay.service.meanMs).toBeCloseTo(0.4, 2); // Triton request overhead (+ a tiny token payload)
    expect(net.routes).toContainEqual({ from: 'api', to: `model${REQUEST_DELAY_SUFFIX}`, calls: 1 });
    expect(net.routes).toContainEqual({ from: `model${REQUEST_DELAY_SUFFIX}`, to: 'model', calls: 1 });
  });

  it('has acyclic routing even when the design has a cycle', () => {
    const n = toNetwork(design(
      [{ id: 'c', kind: 'client' }, { id: 'a', kind: 'api-gateway' }, { id: 'b', kind: 'database' }],
      [{ from: 'c', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'a' }],
    ));
    expect(n.routes.map((r) => `${r.from}->${r.to}`)).toEqual(['c->a', 'a->b']);
  });
});
