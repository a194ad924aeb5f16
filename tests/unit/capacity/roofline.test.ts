import { describe, expect, it } from 'vitest';
import { batchTimeMs, linearFit, predictStatic, resolveSetup, rooflineTerms, UnknownNameError } from '../../../src/domain/capacity/index.ts';
import { getModel, modelFlops } from '../../../src/domain/catalog/models.ts';

const flops = (id: string, seq?: number) => modelFlops(getModel(id)!, seq);

describe('FLOPs per sample (1 MAC = 2 FLOPs, capacity-model §3.3)', () => {
  it('matches the published and derived counts', () => {
    expect(flops('resnet50')).toBeCloseTo(8.18e9, -7);
    expect(flops('mobilenetv2')).toBeCloseTo(0.615e9, -6);
    expect(flops('bert-base', 128) / 22.35e9).toBeCloseTo(1, 2);
    expect(flops('bert-base', 384) / 70.7e9).toBeCloseTo(1, 2);
    expect(flops('bert-large', 128) / 78.9e9).toBeCloseTo(1, 2);
    expect(flops('bert-large', 384) / 246.4e9).toBeCloseTo(1, 2);
    expect(flops('distilbert', 128) / 11.17e9).toBeCloseTo(1, 2);
    expect(flops('dlrm') / 4.82e6).toBeCloseTo(1, 2);
  });

  it('uses the default sequence length when none is given, and grows with it', () => {
    expect(flops('bert-base')).toBe(flops('bert-base', 128));
    expect(flops('bert-large', 512)).toBeGreaterThan(flops('bert-large', 384));
    expect(flops('decoder-1b', 4096)).toBeGreaterThan(flops('decoder-1b', 1024));
  });
});

describe('roofline', () => {
  it('finds compute-bound encoders and CNNs and memory-bound LLM decode', () => {
    expect(predictStatic({ model: 'bert-large', hardware: 'T4', batch: 8 }).bound).toBe('compute');
    expect(predictStatic({ model: 'resnet50', hardware: 'A100-80GB', batch: 64 }).bound).toBe('compute');
    expect(predictStatic({ model: 'decoder-1b', hardware: 'A100-80GB', batch: 1 }).bound).toBe('memory');
    expect(predictStatic({ model: 'decoder-1b', hardware: 'A100-80GB', batch: 16 }).bound).toBe('memory');
  });

  it('DLRM is dominated by fixed per-batch costs: its FLOPs are tiny', () => {
    const p = predictStatic({ model: 'dlrm', hardware: 'T4', batch: 64 });
    expect(p.overheadMs + p.requestMs).toBeGreaterThan(Math.max(p.computeMs, p.memoryMs));
  });

  it('LLM decode at batch 1 costs about one pass over the weights at memory bandwidth', () => {
    const s = resolveSetup({ model: 'decoder-1b', hardware: 'A100-80GB', stack: 'tensorrt', precision: 'fp16' });
    const t = rooflineTerms(s);
    const weightsAtBw = (getModel('decoder-1b')!.params.value * 2) / (2039e9 * 0.8) * 1000;
    expect(batchTimeMs(t, 1).ms).toBeGreaterThan(weightsAtBw);
    expect(batchTimeMs(t, 1).ms).toBeLessThan(weightsAtBw * 1.2);
  });

  it('fits compute(B) = a + b·B through the roofline at B = 1 and B = maxBatch', () => {
    const t = rooflineTerms(resolveSetup({ model: 'bert-base', hardware: 'L4', stack: 'tensorrt' }));
    const { aMs, bMs } = linearFit(t, 64);
    expect(aMs + bMs).toBeCloseTo(batchTimeMs(t, 1).ms, 9);
    expect(aMs + 64 * bMs).toBeCloseTo(batchTimeMs(t, 64).ms, 9);
    expect(aMs).toBeGreaterThanOrEqual(0);
    // Convex roofline: the line is never below it in between.
    for (const B of [2, 8, 16, 32]) expect(aMs + bMs * B).toBeGreaterThanOrEqual(batchTimeMs(t, B).ms - 1e-9);
  });

  it('more FLOP/s make it faster; int8 beats fp16 where the device has int8 tensor cores', () => {
    const t4 = predictStatic({ model: 'bert-base', hardware: 'T4', stack: 'tensorrt', batch: 32 });
    const a100 = predictStatic({ model: 'bert-base', hardware: 'A100-40GB', stack: 'tensorrt', batch: 32 });
    const int8 = predictStatic({ model: 'bert-base', hardware: 'T4', stack: 'tensorrt', precision: 'int8', batch: 32 });
    expect(a100.latencyMs).toBeLessThan(t4.latencyMs);
    expect(int8.latencyMs).toBeLessThan(t4.latencyMs);
  });

  it('falls back to a precision the device has, and says so', () => {
    const p = predictStatic({ model: 'bert-base', hardware: 'V100', precision: 'int8', batch: 4 });
    expect(p.precision).toBe('fp16');
    expect(p.warnings.join(' ')).toMatch(/V100 has no fast int8/);
  });

  it('CPU serving with ONNX Runtime is far slower than a GPU', () => {
    const cpu = predictStatic({ model: 'bert-base', hardware: 'c6i.xlarge', batch: 1 });
    const gpu = predictStatic({ model: 'bert-base', hardware: 'T4', batch: 1 });
    expect(cpu.latencyMs).toBeGreaterThan(10 * gpu.latencyMs);
  });

  it('a calibration profile replaces the roofline: latency = a + b·B', () => {
    const p = predictStatic({ model: 'resnet50', hardware: 'T4', batch: 8, profile: { aMs: 3, bMs: 0.5, label: 'my T4' } });
    expect(p.latencyMs).toBe(7);
    expect(p.throughputRps).toBeCloseTo((8 / 7) * 1000, 9);
    expect(p.source).toBe('profile');
  });

  it('unknown names throw with the list of valid names', () => {
    expect(() => resolveSetup({ model: 'gpt-9', hardware: 'T4' })).toThrow(UnknownNameError);
    expect(() => resolveSetup({ model: 'gpt-9', hardware: 'T4' })).toThrow(/resnet50.*bert-base/);
    expect(() => resolveSetup({ model: 'resnet50', hardware: 'TPU' })).toThrow(/valid: T4/);
    expect(() => resolveSetup({ model: 'resnet50', hardware: 'T4', stack: 'vllm' })).toThrow(/tensorrt/);
  });
});
