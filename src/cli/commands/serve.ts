import { serveClosedLoop } from '../../domain/capacity/index.ts';
import { num, parse, str } from '../args.ts';
import type { Command } from '../command.ts';
import { fmt, json, keyValues } from '../format.ts';
import { readProfile, readSetup, setupOptions } from './setup.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Steady state of N closed-loop clients against a dynamic-batching model server',
  usage: `Usage: mlsd serve --model M --hardware H --stack S --precision P --concurrency N --instances K --max-batch B [--seq N] [--window-ms W] [--profile FILE] [--json]

  --concurrency  clients, each keeping one request outstanding (perf_analyzer concurrency mode)
  --instances    model instances, each on its own accelerator
  --max-batch    largest batch the dynamic batcher forms
  --window-ms    how long the batcher may wait for a fuller batch (default 0, Triton's default)

Solves N = X·R (Little's law) with R the batching server's response time at throughput X.
Example: mlsd serve --model resnet50 --hardware T4 --stack triton+onnxruntime-trt --precision fp16 --concurrency 128 --instances 1 --max-batch 128`,
  run(args, io) {
    const { values } = parse(args, {
      ...setupOptions, concurrency: { type: 'string' }, instances: { type: 'string' }, 'max-batch': { type: 'string' },
      'window-ms': { type: 'string' }, profile: { type: 'string' },
    });
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const setup = readSetup(values, true);
    const concurrency = num(values, 'concurrency', { required: true, integer: true, min: 1, max: 1_000_000 });
    const instances = num(values, 'instances', { required: true, integer: true, min: 1, max: 4096 });
    const maxBatch = num(values, 'max-batch', { required: true, integer: true, min: 1, max: 4096 });
    const windowMs = num(values, 'window-ms', { min: 0, max: 10_000 });
    const profile = readProfile(io, str(values, 'profile'));
    const r = serveClosedLoop({ ...setup, concurrency, instances, maxBatch, ...(windowMs !== undefined ? { windowMs } : {}), ...(profile ? { profile } : {}) });
    const out = {
      throughputRps: r.throughputRps, latencyMs: r.latencyMs, p50LatencyMs: r.p50LatencyMs, p99LatencyMs: r.p99LatencyMs,
      effectiveBatch: r.effectiveBatch, utilization: r.utilization, aMs: r.aMs, bMs: r.bMs, delayMs: r.delayMs, warnings: r.warnings,
    };
    if (values.json) io.out(json(out));
    else {
      io.out(keyValues([
        ['throughput', `${fmt(r.throughputRps, 1)} inferences/s`],
        ['mean latency', `${fmt(r.latencyMs, 3)} ms (= concurrency / throughput)`],
        ['p50 / p99', `${fmt(r.p50LatencyMs, 3)} / ${fmt(r.p99LatencyMs, 3)} ms`],
        ['effective batch', fmt(r.effectiveBatch, 1)],
        ['compute(B)', `${fmt(r.aMs, 3)} + ${fmt(r.bMs, 4)}·B ms`],
        ['load / max', fmt(r.utilization, 3)],
      ]));
      for (const w of r.warnings) io.err(`warning: ${w}\n`);
    }
    return 0;
  },
};
