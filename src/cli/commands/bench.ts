import { targetFlops } from '../../bench/target.ts';
import { isTooNoisy } from '../../domain/calibration/stats.ts';
import { parse, str } from '../args.ts';
import { InputError, type Command } from '../command.ts';
import { fmt, json, table } from '../format.ts';
import { batchList, loadTarget, stringList } from './modelArg.ts';
import { openRunner, readRuntime, RUNTIME_HELP, runtimeOptions } from './runtimeArgs.ts';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Time an ONNX model on this machine at several batch sizes (p50, p99, GFLOP/s)',
  usage: `Usage: mlsd bench MODEL [--batch 1,8,32] [--runtime node|browser] [--backend B] [--threads N] [--budget-ms N]
                  [--warmup-ms N] [--shape DIMS]... [--json]

  MODEL        an .onnx file, or a suite model as suite:<id> (e.g. suite:mlp-m)
  --batch      batch sizes, comma-separated (default 1,8,32)
  --shape      fixes symbolic dimensions ("1x3x224x224" or "name=1x3x224x224"); the first follows --batch
${RUNTIME_HELP}

Each batch size: a time-based warm-up, then timed runs until the budget is spent (at least 10 samples); runs
under 1 ms are timed in loops and divided. GFLOP/s = FLOPs of one batch / p50.
Example: mlsd bench suite:cnn-m --batch 1,8 --threads 2 --json`,
  async run(args, io) {
    const { values, positionals } = parse(args, { ...runtimeOptions, batch: { type: 'string' }, shape: { type: 'string', multiple: true } }, 1);
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const rt = readRuntime(values);
    let batches = batchList(str(values, 'batch'), [1, 8, 32]);
    const target = loadTarget(positionals[0], stringList(values.shape));
    const warnings = [...(target.report?.warnings ?? [])];
    if (!target.batched) {
      const fixed = target.feedsAt(1)[0]?.shape[0] ?? 1;
      if (batches.length > 1 || batches[0] !== fixed) warnings.push(`the model has no symbolic batch dimension: timed at its fixed shape only (reported as batch ${fixed})`);
      batches = [fixed];
    }
    const browser = rt.runtime === 'browser';
    const runner = await openRunner(rt);
    let points;
    try {
      points = await runner.benchModel(target.bytes, target.batched ? target.feedsAt : () => target.feedsAt(1), batches, {
        warmupMs: rt.warmupMs ?? (browser ? 1500 : 500), batchWarmupMs: browser ? 300 : 200, budgetMs: rt.budgetMs ?? 1000, minSamples: 10, maxSamples: 5000,
      }, (p) => {
        if (!values.json && p.phase === 'measure') io.err(`timing batch ${p.batch} (${p.index + 1}/${p.total})…\n`);
      });
    } catch (err) {
      throw new InputError(`${target.id}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await runner.close();
    }
    const results = points.map((p) => {
      const s = p.summary;
      const noise = isTooNoisy(s);
      if (noise.noisy) warnings.push(`batch ${p.batch}: ${noise.reason}`);
      return {
        batch: p.batch, meanMs: s.meanMs, p50Ms: s.p50Ms, p90Ms: s.p90Ms, p99Ms: s.p99Ms, minMs: s.minMs, n: s.n, loop: p.loop,
        gflops: targetFlops(target, p.batch) / s.p50Ms / 1e6, samplesPerSec: (p.batch / s.p50Ms) * 1000,
      };
    });
    const { info } = runner;
    if (info.device.gpu?.isFallback) warnings.push(`the WebGPU adapter is a software fallback (${info.device.gpu.architecture || 'unknown'}): these are CPU-emulation numbers, not a GPU's`);
    const out = {
      model: target.id, runtime: info.runtime, backend: info.backend, library: info.library, variant: info.variant, threads: info.threads, device: info.device,
      flopsPerSample: target.cost.flopsPerSample, fixedFlops: target.cost.fixedFlops, results, warnings,
    };
    if (values.json) return io.out(json(out)), 0;
    io.out(`${target.id} on ${info.variant}, ${info.threads} thread${info.threads === 1 ? '' : 's'}\n\n`);
    io.out(table(['batch', 'p50 ms', 'mean ms', 'p99 ms', 'samples', 'GFLOP/s', 'samples/s'], results.map((r) => [
      String(r.batch), fmt(r.p50Ms, 3), fmt(r.meanMs, 3), fmt(r.p99Ms, 3), String(r.n), fmt(r.gflops, 1), fmt(r.samplesPerSec, 0),
    ]), 0));
    for (const w of warnings) io.err(`warning: ${w}\n`);
    return 0;
  },
};
