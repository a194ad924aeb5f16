import { describe, expect, it } from 'vitest';
import { getHardware, HARDWARE, hardwareIds, peakFor, pricePerUnitHour } from '../../../src/domain/catalog/hardware.ts';
import { getInstance, GPU_MACHINE_BY_KIND, INSTANCES } from '../../../src/domain/catalog/instances.ts';
import { getModel, MODELS, modelFlops } from '../../../src/domain/catalog/models.ts';
import { efficiencyFor, getStack, STACKS } from '../../../src/domain/catalog/stacks.ts';
import { getKind } from '../../../src/domain/catalog/components.ts';

describe('hardware catalog', () => {
  it('has the required devices, each with sourced peaks, bandwidth and a machine that sells it', () => {
    for (const id of ['T4', 'A10G', 'L4', 'V100', 'A100-40GB', 'A100-80GB', 'H100-SXM', 'c6i.xlarge', 'c6i.4xlarge']) expect(getHardware(id), id).toBeDefined();
    for (const hw of HARDWARE) {
      expect(hw.peakTflops.fp32?.source.label.length, hw.id).toBeGreaterThan(5);
      expect(hw.memoryBandwidthGBps.value).toBeGreaterThan(0);
      expect(hw.memoryBandwidthGBps.source.label.length).toBeGreaterThan(5);
      const inst = getInstance(hw.instance);
      expect(inst, hw.instance).toBeDefined();
      if (hw.kind === 'gpu') expect(inst!.accelerator?.hardware).toBe(hw.id);
    }
  });

  it('uses dense (not sparse) tensor peaks from capacity-model §3.4', () => {
    expect(getHardware('T4')!.peakTflops.fp16!.value).toBe(65);
    expect(getHardware('L4')!.peakTflops.fp16!.value).toBe(121);
    expect(getHardware('A100-40GB')!.peakTflops.fp16!.value).toBe(312);
    expect(getHardware('H100-SXM')!.peakTflops.fp16!.value).toBe(989);
    expect(getHardware('A100-80GB')!.memoryBandwidthGBps.value).toBe(2039);
    expect(getHardware('H100-SXM')!.memoryBandwidthGBps.value).toBe(3350);
  });

  it('estimates CPU peaks from AVX-512 FMA throughput and marks them unverified', () => {
    const c = getHardware('c6i.xlarge')!;
    expect(c.peakTflops.fp32!.value).toBeCloseTo((2 * 2 * 16 * 2 * 3.0) / 1000, 12); // 2 cores
    expect(c.peakTflops.fp32!.source.verified).toBe(false);
    expect(getHardware('c6i.4xlarge')!.peakTflops.fp32!.value).toBeCloseTo(4 * c.peakTflops.fp32!.value, 12);
  });

  it('looks names up case-insensitively and falls back to a precision the device has', () => {
    expect(getHardware('a100-80gb')?.id).toBe('A100-80GB');
    expect(peakFor(getHardware('V100')!, 'int8').precision).toBe('fp16');
    expect(hardwareIds()).toContain('H100-SXM');
  });

  it('prices one accelerator as the machine ÷ its accelerators', () => {
    expect(pricePerUnitHour(getHardware('A100-40GB')!).usd).toBeCloseTo(32.7726 / 8, 12);
    expect(pricePerUnitHour(getHardware('T4')!).usd).toBe(0.526);
    expect(pricePerUnitHour(getHardware('c6i.xlarge')!).usd).toBe(0.17);
  });
});

describe('instances', () => {
  it('carries the AWS us-east-1 prices of capacity-model §3.5', () => {
    const price = (n: string) => getInstance(n)!.hourlyUsd;
    expect(price('g4dn.xlarge')).toBe(0.526);
    expect(price('g5.xlarge')).toBe(1.006);
    expect(price('p4d.24xlarge')).toBe(32.7726);
    expect(price('p4de.24xlarge')).toBe(40.96575);
    expect(price('p5.48xlarge')).toBe(98.32);
    expect(price('c6i.large')).toBe(0.085);
    expect(price('c6i.xlarge')).toBe(0.17);
    expect(price('c6i.4xlarge')).toBe(0.68);
    expect(price('c6i.8xlarge')).toBe(1.36);
    expect(getInstance('g6.xlarge')!.source.verified).toBe(false);
  });

  it('names are unique and the GPU machines of offline kinds exist', () => {
    expect(new Set(INSTANCES.map((i) => i.name)).size).toBe(INSTANCES.length);
    for (const [kind, machine] of Object.entries(GPU_MACHINE_BY_KIND)) {
      expect(getKind(kind), kind).toBeDefined();
      expect(getInstance(machine)?.accelerator, machine).toBeDefined();
    }
  });
});

describe('model zoo', () => {
  it('has the required models with sources; FLOPs = 2 × MACs', () => {
    for (const id of ['resnet50', 'mobilenetv2', 'bert-base', 'bert-large', 'distilbert', 'dlrm', 'two-tower', 'decoder-1b']) {
      const m = getModel(id)!;
      expect(m, id).toBeDefined();
      expect(m.macsSource.label.length).toBeGreaterThan(5);
      expect(m.params.source.label.length).toBeGreaterThan(5);
      expect(modelFlops(m)).toBe(2 * m.macs(m.seqLen?.default ?? 1));
    }
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
  });

  it('knows which models take a sequence length', () => {
    expect(getModel('bert-base')!.seqLen?.default).toBe(128);
    expect(getModel('decoder-1b')!.seqLen?.meaning).toMatch(/context/);
    expect(getModel('resnet50')!.seqLen).toBeUndefined();
    // TinyLlama-1.1B shape: about 1.1 billion parameters.
    expect(getModel('decoder-1b')!.params.value / 1e9).toBeCloseTo(1.1, 1);
  });
});

describe('serving stacks', () => {
  it('has the required stacks with one sourced efficiency per generation, within (0, 1)', () => {
    for (const id of ['tensorrt', 'triton+tensorrt', 'triton+onnxruntime-trt', 'torchscript', 'onnxruntime-cpu']) expect(getStack(id), id).toBeDefined();
    for (const s of STACKS) {
      for (const [gen, e] of Object.entries(s.efficiency)) {
        expect(e.value, `${s.id} ${gen}`).toBeGreaterThan(0);
        expect(e.value).toBeLessThan(1);
        expect(e.source.label.length).toBeGreaterThan(10);
      }
      expect(s.fallbackEfficiency.source.verified).toBe(false);
      expect(s.batchOverheadMs.source.label.length).toBeGreaterThan(5);
    }
  });

  it('matches the achieved efficiencies of capacity-model §3.3', () => {
    expect(getStack('tensorrt')!.efficiency.turing!.value).toBeCloseTo(0.31, 2);
    expect(getStack('tensorrt')!.efficiency.ampere!.value).toBeGreaterThanOrEqual(0.57);
    expect(getStack('tensorrt')!.efficiency.ampere!.value).toBeLessThanOrEqual(0.62);
    expect(efficiencyFor(getStack('tensorrt')!, 'hopper').measured).toBe(false);
    expect(efficiencyFor(getStack('triton+tensorrt')!, 'ampere').measured).toBe(true);
  });
});
