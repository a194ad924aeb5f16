import { describe, expect, it, vi } from 'vitest';
import { createSimHost, CANCELLED, type SimWorkerReply } from '../../../src/domain/simulate/workerProtocol.ts';
import { BENCH_NETWORK, simulateNetwork } from '../../../src/domain/simulate/simulate.ts';

/** A host whose deferred slices run only when the test says so, like a worker's event loop between messages. */
function harness(sliceMs = 0) {
  const replies: SimWorkerReply[] = [];
  const pending: (() => void)[] = [];
  const send = createSimHost((r) => replies.push(r), { defer: (fn) => pending.push(fn), sliceMs });
  const drain = (max = 1e6) => {
    for (let i = 0; i < max && pending.length > 0; i++) pending.shift()!();
  };
  return { replies, pending, send, drain };
}

describe('simulation worker protocol', () => {
  it('runs in slices, posts throttled progress, then the same result as a direct call', () => {
    const h = harness();
    h.send({ type: 'run', id: 'r1', network: BENCH_NETWORK, opts: { seed: 3, requests: 30_000 } });
    h.drain();
    const progress = h.replies.filter((r) => r.type === 'progress');
    const done = h.replies.at(-1)!;
    expect(done.type).toBe('done');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThanOrEqual(100);
    const fractions = progress.map((p) => (p.type === 'progress' ? p.fraction : NaN));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const direct = simulateNetwork(BENCH_NETWORK, { seed: 3, requests: 30_000 });
    if (done.type !== 'done') throw new Error('no result');
    expect(done.id).toBe('r1');
    expect(done.result.endToEnd).toEqual(direct.endToEnd);
    expect(done.result.events).toBe(direct.events);
  });

  it('cancels a run between slices', () => {
    const h = harness();
    h.send({ type: 'run', id: 7, network: BENCH_NETWORK, opts: { seed: 1, requests: 1_000_000 } });
    h.drain(3);
    h.send({ type: 'cancel', id: 7 });
    h.drain();
    expect(h.replies.at(-1)).toEqual({ type: 'error', id: 7, message: CANCELLED });
    expect(h.replies.some((r) => r.type === 'done')).toBe(false);
  });

  it('answers a bad network or a duplicate id with an error, and keeps separate runs apart', () => {
    const h = harness();
    h.send({ type: 'run', id: 'bad', network: { ...BENCH_NETWORK, arrivalRps: -1 }, opts: { seed: 1 } });
    expect(h.replies).toEqual([{ type: 'error', id: 'bad', message: expect.stringMatching(/arrivalRps/) }]);
    h.send({ type: 'run', id: 'a', network: BENCH_NETWORK, opts: { seed: 1, requests: 2_000 } });
    h.send({ type: 'run', id: 'a', network: BENCH_NETWORK, opts: { seed: 1, requests: 2_000 } });
    h.send({ type: 'run', id: 'b', network: BENCH_NETWORK, opts: { seed: 2, requests: 2_000 } });
    h.drain();
    const ends = h.replies.filter((r) => r.type !== 'progress').map((r) => `${r.type}:${String(r.id)}`);
    expect(ends).toEqual(['error:bad', 'error:a', 'done:a', 'done:b']);
    h.send({ type: 'cancel', id: 'nope' }); // unknown ids are ignored
    expect(h.pending.length).toBe(0);
  });

  it('worker.ts wires the host to the worker global', async () => {
    const replies: SimWorkerReply[] = [];
    let listener: ((e: { data: unknown }) => void) | undefined;
    vi.stubGlobal('self', {
      postMessage: (m: SimWorkerReply) => replies.push(m),
      addEventListener: (type: string, fn: (e: { data: unknown }) => void) => {
        if (type === 'message') listener = fn;
      },
    });
    try {
      await import('../../../src/domain/simulate/worker.ts');
      expect(listener).toBeDefined();
      listener!({ data: { type: 'run', id: 1, network: BENCH_NETWORK, opts: { seed: 1, requests: 2_000 } } });
      await vi.waitFor(() => expect(replies.at(-1)?.type).toBe('done'), { timeout: 5_000 });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
