import { describe, expect, it } from 'vitest';
import { batchingMetrics, serveClosedLoop } from '../../../src/domain/capacity/index.ts';

const base = { servers: 1, aMs: 2, bMs: 0.5, maxBatch: 32, windowMs: 0, delayMs: 0 };

describe('dynamic batching', () => {
  it('at no load serves a lone request in a + b', () => {
    const m = batchingMetrics({ ...base, arrivalRps: 0 });
    expect(m.meanMs).toBeCloseTo(2.5, 9);
    expect(m.effectiveBatch).toBe(1);
  });

  it('with maxBatch 1 is exactly M/D/1 (S = 10 ms, ρ = 0.8 waits 20 ms)', () => {
    const m = batchingMetrics({ servers: 1, aMs: 0, bMs: 10, maxBatch: 1, windowMs: 0, delayMs: 0, arrivalRps: 80 });
    expect(m.meanMs!).toBeCloseTo(30, 9);
    expect(m.utilization).toBeCloseTo(0.8, 9);
  });

  it('grows the batch as B* = λa/(1 − λb) once the server is always busy (capacity-model §1.6)', () => {
    const lam = 1; // per ms = 1000 req/s
    const m = batchingMetrics({ ...base, arrivalRps: lam * 1000 });
    expect(m.effectiveBatch).toBeCloseTo((lam * 2) / (1 - lam * 0.5), 9);
    // Busy regime: wait half a cycle for the batch in progress, then one cycle, plus a small backlog term.
    const cycle = 2 + 0.5 * m.effectiveBatch;
    expect(m.meanMs!).toBeGreaterThan(1.5 * cycle);
    expect(m.meanMs!).toBeLessThan(1.6 * cycle);
  });

  it('is stable only below maxBatch/(a + b·maxBatch) per instance, and unbounded at or past it', () => {
    const max = (32 / (2 + 0.5 * 32)) * 1000;
    expect(batchingMetrics({ ...base, arrivalRps: 0 }).maxRps).toBeCloseTo(max, 6);
    expect(batchingMetrics({ ...base, arrivalRps: max * 0.99 }).saturated).toBe(false);
    const sat = batchingMetrics({ ...base, arrivalRps: max * 1.01 });
    expect(sat.saturated).toBe(true);
    expect(sat.meanMs).toBeNull();
    expect(sat.p99Ms).toBeNull();
    expect(batchingMetrics({ ...base, servers: 2, arrivalRps: max * 1.01 }).saturated).toBe(false);
  });

  it('latency rises with load (no window) and the p99 stays near the mean for a deterministic batcher', () => {
    let prev = 0;
    for (const rps of [10, 100, 400, 800, 1200, 1500, 1700]) {
      const m = batchingMetrics({ ...base, arrivalRps: rps });
      expect(m.meanMs!).toBeGreaterThan(prev);
      prev = m.meanMs!;
      expect(m.p99Ms! / m.meanMs!).toBeLessThan(3);
    }
  });

  it('a batching window trades latency at light load for bigger batches', () => {
    const none = batchingMetrics({ ...base, arrivalRps: 200 });
    const windowed = batchingMetrics({ ...base, windowMs: 5, arrivalRps: 200 });
    expect(windowed.effectiveBatch).toBeGreaterThan(none.effectiveBatch);
    expect(windowed.meanMs!).toBeGreaterThan(none.meanMs!);
    // A lone request waits the whole window.
    expect(batchingMetrics({ ...base, windowMs: 5, arrivalRps: 0 }).meanMs).toBeCloseTo(7.5, 9);
  });
});

describe('closed loop (serveClosedLoop)', () => {
  const cases = [
    { model: 'resnet50', hardware: 'T4', stack: 'triton+onnxruntime-trt', concurrency: 128, instances: 1, maxBatch: 128 },
    { model: 'bert-base', hardware: 'A100-40GB', stack: 'triton+tensorrt', concurrency: 8, instances: 2, maxBatch: 16 },
    { model: 'decoder-1b', hardware: 'H100-SXM', stack: 'triton+tensorrt', concurrency: 64, instances: 1, maxBatch: 64 },
    { model: 'bert-base', hardware: 'c6i.4xlarge', stack: 'onnxruntime-cpu', concurrency: 4, instances: 1, maxBatch: 4 },
  ] as const;
  for (const c of cases) {
    it(`obeys Little's law N = X·R: ${c.model} on ${c.hardware}, ${c.concurrency} clients`, () => {
      const r = serveClosedLoop({ ...c, precision: c.hardware.startsWith('c6i') ? 'fp32' : 'fp16' });
      expect((r.throughputRps * r.latencyMs) / 1000).toBeCloseTo(c.concurrency, 6);
      expect(r.inFlight).toBeCloseTo(c.concurrency, 6);
      expect(r.p99LatencyMs).toBeGreaterThanOrEqual(r.p50LatencyMs);
    });
  }

  it('saturates: more clients stop adding throughput and only add latency', () => {
    const at = (n: number) => serveClosedLoop({ model: 'resnet50', hardware: 'T4', stack: 'triton+onnxruntime-trt', precision: 'fp16', concurrency: n, instances: 1, maxBatch: 128 });
    const [a, b, c] = [at(256), at(512), at(1024)];
    expect(b.throughputRps / a.throughputRps).toBeLessThan(1.02);
    expect(c.latencyMs / b.latencyMs).toBeGreaterThan(1.9);
  });

  it('two instances carry about twice the saturated throughput of one', () => {
    const run = (instances: number) => serveClosedLoop({ model: 'bert-large', hardware: 'A100-80GB', stack: 'triton+tensorrt', precision: 'fp16', seqLen: 384, concurrency: 512, instances, maxBatch: 16 });
    expect(run(2).throughputRps / run(1).throughputRps).toBeCloseTo(2, 1);
  });
});
