import { predictStatic } from '../../domain/capacity/index.ts';
import { num, parse, str } from '../args.ts';
import type { Command } from '../command.ts';
import { fmt, json, keyValues } from '../format.ts';
import { readProfile, readSetup, setupOptions } from './setup.ts';

export const predictCommand: Command = {
  name: 'predict',
  summary: 'Roofline latency and throughput of one batch of a model on a device',
  usage: `Usage: mlsd predict --model M --hardware H --batch B [--seq N] [--stack S] [--precision P] [--profile FILE] [--json]

  --model      model zoo id (resnet50, bert-base, bert-large, distilbert, dlrm, two-tower, decoder-1b, ...)
  --hardware   device id (T4, A10G, L4, V100, A100-40GB, A100-80GB, H100-SXM, c6i.xlarge, ...)
  --batch      samples in the request (whole number ≥ 1)
  --seq        sequence length for models that have one
  --stack      serving stack (default triton+tensorrt on GPUs, onnxruntime-cpu on CPUs)
  --precision  fp32, fp16 or int8 (default fp16 on GPUs, fp32 on CPUs)
  --profile    JSON calibration {"aMs", "bMs", "label"}: latency = aMs + bMs·B instead of the roofline

One request carrying B samples, like perf_analyzer's offline mode at concurrency 1.
Example: mlsd predict --model bert-base --hardware T4 --stack tensorrt --batch 8 --seq 128`,
  run(args, io) {
    const { values } = parse(args, { ...setupOptions, batch: { type: 'string' }, profile: { type: 'string' } });
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const setup = readSetup(values, false);
    const batch = num(values, 'batch', { required: true, integer: true, min: 1, max: 65_536 });
    const profile = readProfile(io, str(values, 'profile'));
    const p = predictStatic({ ...setup, batch, ...(profile ? { profile } : {}) });
    const out = {
      latencyMs: p.latencyMs, throughputRps: p.throughputRps, bound: p.bound, flops: p.flops, batchFlops: p.batchFlops,
      efficiency: p.efficiency, precision: p.precision, computeMs: p.computeMs, memoryMs: p.memoryMs, overheadMs: p.overheadMs,
      requestMs: p.requestMs, transferMs: p.transferMs, source: p.source, warnings: p.warnings,
    };
    if (values.json) io.out(json(out));
    else {
      io.out(keyValues([
        ['latency', `${fmt(p.latencyMs, 3)} ms for a batch of ${batch}`],
        ['throughput', `${fmt(p.throughputRps, 1)} samples/s`],
        ['bound', `${p.bound} (compute path ${fmt(p.computeMs, 3)} ms, memory path ${fmt(p.memoryMs, 3)} ms)`],
        ['FLOPs per sample', `${fmt(p.flops)} (1 MAC = 2 FLOPs)`],
        ['stack efficiency', fmt(p.efficiency, 3)],
        ['overheads', `batch ${fmt(p.overheadMs, 3)} ms, request ${fmt(p.requestMs, 3)} ms, payload ${fmt(p.transferMs, 3)} ms`],
        ['source', p.source],
      ]));
      for (const w of p.warnings) io.err(`warning: ${w}\n`);
    }
    return 0;
  },
};
