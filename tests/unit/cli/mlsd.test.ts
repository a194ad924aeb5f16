import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designToFileText } from '../../../src/domain/design/format.ts';
import { serving } from '../capacity/designs.ts';
import { mlsd } from './runMlsd.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-cli-'));
const designPath = join(dir, 'serving.mlsd.json');
writeFileSync(designPath, designToFileText(serving()));
const badPath = join(dir, 'bad.mlsd.json');
writeFileSync(badPath, JSON.stringify({ format: 'mlsd-design', version: 1, name: 'x', workload: { rps: -1 }, nodes: [], edges: [] }));

describe('mlsd CLI', () => {
  it('queue --json gives the M/M/c numbers (λ = 900/s, S = 10 ms, c = 10)', async () => {
    const r = await mlsd('queue', '--servers', '10', '--arrival-rps', '900', '--service-ms', '10', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.utilization).toBeCloseTo(0.9, 12);
    expect(out.probWait).toBeCloseTo(0.669, 3);
    expect(out.meanResponseMs).toBeCloseTo(16.69, 2);
    expect(out.p99ResponseMs).toBeCloseTo(62.5, 2);
    expect(out.p99WaitMs).toBeCloseTo(42.03, 2);
  });

  it('queue prints a readable table without --json, and null latencies when saturated', async () => {
    const text = await mlsd('queue', '--servers', '2', '--arrival-rps', '100', '--service-ms', '10', '--service-cv', '0');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/P\(wait\)/);
    const sat = JSON.parse((await mlsd('queue', '--servers', '1', '--arrival-rps', '200', '--service-ms', '10', '--json')).stdout);
    expect(sat.saturated).toBe(true);
    expect(sat.p99ResponseMs).toBeNull();
  });

  it('predict --json gives roofline latency, throughput, bound, FLOPs and efficiency', async () => {
    const r = await mlsd('predict', '--model', 'bert-base', '--hardware', 'T4', '--stack', 'tensorrt', '--batch', '128', '--seq', '128', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.bound).toBe('compute');
    expect(out.flops / 22.35e9).toBeCloseTo(1, 2);
    expect(out.efficiency).toBe(0.31);
    expect(Math.abs(out.latencyMs / 144.2 - 1)).toBeLessThan(0.05); // TensorRT demo: 144.20 ms
    expect(out.throughputRps).toBeCloseTo((128 / out.latencyMs) * 1000, 9);
  });

  it('predict accepts a calibration profile file', async () => {
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, JSON.stringify({ aMs: 2, bMs: 0.5, label: 'my laptop' }));
    const out = JSON.parse((await mlsd('predict', '--model', 'resnet50', '--hardware', 'T4', '--batch', '4', '--profile', profile, '--json')).stdout);
    expect(out.latencyMs).toBe(4);
    expect(out.source).toBe('profile');
  });

  it('serve --json satisfies Little\'s law and lands near the published Triton figure', async () => {
    const r = await mlsd('serve', '--model', 'resnet50', '--hardware', 'T4', '--stack', 'triton+onnxruntime-trt', '--precision', 'fp16', '--concurrency', '128', '--instances', '1', '--max-batch', '128', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect((out.throughputRps * out.latencyMs) / 1000).toBeCloseTo(128, 6);
    expect(Math.abs(out.throughputRps / 2042.6 - 1)).toBeLessThan(0.25);
    expect(out.p99LatencyMs).toBeGreaterThanOrEqual(out.latencyMs * 0.99);
  });

  it('cost --json multiplies replicas, price and hours', async () => {
    const out = JSON.parse((await mlsd('cost', '--instance', 'g4dn.xlarge', '--replicas', '3', '--json')).stdout);
    expect(out.hourlyUsd).toBeCloseTo(1.578, 12);
    expect(out.monthlyUsd).toBeCloseTo(1.578 * 730, 9);
    const day = JSON.parse((await mlsd('cost', '--instance', 'p4d.24xlarge', '--replicas', '1', '--hours', '24', '--json')).stdout);
    expect(day.monthlyUsd).toBeCloseTo(32.7726 * 24, 9);
  });

  it('estimate --json summarises a design file', async () => {
    const r = await mlsd('estimate', designPath, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.loadRps).toBe(400);
    expect(out.endToEnd.meanMs).toBeGreaterThan(0);
    expect(out.endToEnd.p99Ms).toBeGreaterThan(out.endToEnd.p50Ms);
    expect(out.nodes.map((n: { id: string }) => n.id)).toContain('model');
    expect(out.nodes.find((n: { id: string }) => n.id === 'db').arrivalRps).toBeCloseTo(80, 9);
    expect(out.monthlyCostUsd).toBeGreaterThan(0);
    expect(out.availability).toBeGreaterThan(0.99);
    const doubled = JSON.parse((await mlsd('estimate', designPath, '--load-multiplier', '2', '--json')).stdout);
    expect(doubled.loadRps).toBe(800);
    const text = await mlsd('estimate', designPath);
    expect(text.stdout).toMatch(/end to end\s+mean/);
  });

  it('a bad design file exits 1 with its path in the message', async () => {
    const bad = await mlsd('estimate', badPath);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(badPath);
    expect(bad.stderr).toMatch(/rps/);
    const missing = await mlsd('estimate', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json');
  });

  it('bad arguments exit 2 with a clear message on stderr', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [[], /Usage: mlsd <command>/],
      [['queue', '--servers', '2', '--arrival-rps', '1', '--service-ms', '3', '--colour'], /Unknown option '--colour'/],
      [['queue', '--servers', 'many', '--arrival-rps', '1', '--service-ms', '3'], /--servers must be a number/],
      [['queue', '--servers', '2.5', '--arrival-rps', '1', '--service-ms', '3'], /whole number/],
      [['queue', '--arrival-rps', '1', '--service-ms', '3'], /missing --servers/],
      [['queue', '--servers', '2', '--arrival-rps', '1', '--service-ms'], /argument missing/],
      [['predict', '--model', 'gpt-9', '--hardware', 'T4', '--batch', '1'], /unknown model "gpt-9"; valid: resnet50/],
      [['predict', '--model', 'resnet50', '--hardware', 'TPUv5', '--batch', '1'], /unknown hardware "TPUv5"; valid: T4/],
      [['serve', '--model', 'resnet50', '--hardware', 'T4', '--stack', 'vllm', '--precision', 'fp16', '--concurrency', '1', '--instances', '1', '--max-batch', '1'], /unknown stack "vllm"; valid: tensorrt/],
      [['cost', '--instance', 'm9.huge', '--replicas', '1'], /unknown instance "m9.huge"; valid: g4dn.xlarge/],
      [['estimate'], /missing the design file/],
    ];
    const runs = await Promise.all(cases.map(([args]) => mlsd(...args)));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
      expect(r.stdout).toBe('');
    });
  });

  it('--help prints usage and exits 0', async () => {
    const top = await mlsd('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/estimate.*\n.*queue/s);
    const sub = await mlsd('serve', '--help');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--max-batch/);
  });
});
