import { writeFileSync } from 'node:fs';
import { calibrationPlan, runCalibration } from '../../bench/calibrate.ts';
import { MAX_REPEAT } from '../../bench/passes.ts';
import { profileToFileText } from '../../domain/calibration/profile.ts';
import { num, parse, str } from '../args.ts';
import { InputError, UsageError, type Command } from '../command.ts';
import { fmt, json, keyValues, table } from '../format.ts';
import { batchList } from './modelArg.ts';
import { openRunner, readRuntime, RUNTIME_HELP, runtimeOptions } from './runtimeArgs.ts';

const pct = (v: number) => `${fmt(v, 1)}%`;

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Benchmark the built-in model suite and write a device profile',
  usage: `Usage: mlsd calibrate --out PROFILE.json [--runtime node|browser] [--quick] [--models ids] [--batch 1,4,16,64]
                      [--repeat N] [--backend B] [--threads N] [--budget-ms N] [--warmup-ms N] [--name TEXT] [--json]

  --out        where to write the device profile (format mlsd-device-profile, version 1)
  --quick      small models at batch 1 and 8 with short budgets: a smoke test, not a trustworthy profile
  --models     suite model ids, comma-separated (default: every fp32 model of size s and m)
  --batch      candidate batch sizes; large models keep those under a FLOP cap (always the two smallest)
  --repeat     measure the whole suite N times (1–${MAX_REPEAT}, default 1) as separate passes; each point keeps its
               pass with the fastest run (a clean pass before a noisy one), so a load burst of a few seconds
               spoils one pass of a point, not the profile. Takes N times as long
  --name       the profile's display name
${RUNTIME_HELP}

Each model gets a fitted line latency(B) = a + b·B (weighted for relative error, a ≥ 0); the device gets
latency ≈ overhead + FLOPs/rate + bytes/bandwidth, checked by predicting each model from all the others
(leave-one-model-out). Points noisy in every pass are measured once more, then kept with the reason but left out
of the fits.
Example: mlsd calibrate --runtime browser --threads 2 --out laptop.json`,
  async run(args, io) {
    const { values } = parse(args, {
      ...runtimeOptions, out: { type: 'string' }, quick: { type: 'boolean' }, models: { type: 'string' }, batch: { type: 'string' }, name: { type: 'string' }, repeat: { type: 'string' },
    });
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const out = str(values, 'out', true);
    const rt = readRuntime(values);
    const repeat = num(values, 'repeat', { integer: true, min: 1, max: MAX_REPEAT }) ?? 1;
    const modelIds = str(values, 'models')?.split(',').map((s) => s.trim()).filter(Boolean);
    let plan;
    try {
      plan = calibrationPlan({
        runtime: rt.runtime, quick: Boolean(values.quick), repeat,
        ...(modelIds ? { modelIds } : {}), ...(values.batch !== undefined ? { batches: batchList(str(values, 'batch'), []) } : {}),
        ...(rt.budgetMs !== undefined ? { budgetMs: rt.budgetMs } : {}), ...(rt.warmupMs !== undefined ? { warmupMs: rt.warmupMs } : {}),
      });
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const runner = await openRunner(rt);
    let profile;
    try {
      const started = Date.now();
      profile = await runCalibration(runner, plan, {
        ...(str(values, 'name') ? { name: str(values, 'name')! } : {}),
        onProgress: (p) => {
          const pass = p.passes > 1 ? `pass ${p.pass}/${p.passes} ` : '';
          if (p.phase === 'build') io.err(`${pass}[${p.modelIndex + 1}/${p.models}] ${p.modelId} (${Math.round((Date.now() - started) / 1000)} s)\n`);
          else if (p.phase === 'skip') io.err(`  skipped: ${p.detail}\n`);
          else if (p.phase === 'retry') io.err(`${p.modelId} batch ${p.batch} was noisy${p.passes > 1 ? ' in every pass' : ''}; measuring it again\n`);
        },
      });
    } catch (err) {
      throw new InputError(err instanceof Error ? err.message : String(err));
    } finally {
      await runner.close();
    }
    try {
      writeFileSync(out, profileToFileText(profile));
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw new InputError(`${out}: cannot write the profile${code ? ` (${code})` : ''}`);
    }
    const h = profile.heldOut;
    const fit = profile.deviceFit;
    if (values.json) {
      io.out(json({
        out, id: profile.id, name: profile.name, runtime: profile.runtime, backend: profile.backend, threads: profile.threads, repeat, deviceFit: fit ?? null,
        heldOut: h ? { method: h.method, features: h.features, medianAbsErrPct: h.medianAbsErrPct, shareWithin10: h.shareWithin10, worstAbsErrPct: h.worstAbsErrPct, perModel: h.perModel } : null,
        models: profile.models.map((m) => ({ modelId: m.modelId, ...(m.fit ? { aMs: m.fit.aMs, bMs: m.fit.bMs, r2: m.fit.r2 } : { fitError: m.fitError }), discarded: m.points.filter((p) => p.discarded).map((p) => p.batch) })),
      }));
      return 0;
    }
    io.out(`wrote ${out}: ${profile.name}${repeat > 1 ? ` (each point the best of ${repeat} passes)` : ''}\n\n`);
    io.out(table(['model', 'batches', 'a ms', 'b ms/sample', 'r²', 'noisy'], profile.models.map((m) => [
      m.modelId, m.points.map((p) => p.batch).join(','), m.fit ? fmt(m.fit.aMs, 4) : '-', m.fit ? fmt(m.fit.bMs, 4) : '-', m.fit ? fmt(m.fit.r2, 3) : '-',
      m.points.filter((p) => p.discarded).map((p) => p.batch).join(',') || '-',
    ]), 2));
    for (const m of profile.models) if (m.fitError) io.out(`  ${m.modelId}: no line (${m.fitError}); predictions for it use the device model\n`);
    if (fit) {
      io.out(`\n${keyValues([
        ['device model', `${fit.features}: overhead ${fmt(fit.overheadMs, 4)} ms, ${fit.gflopsEffective ? `${fmt(fit.gflopsEffective, 1)} GFLOP/s` : 'no FLOP term'}, ${fit.gbPerSecEffective ? `${fmt(fit.gbPerSecEffective, 1)} GB/s` : 'no bytes term'}`],
        ...(h ? ([
          ['held out (each model)', `median |error| ${pct(h.medianAbsErrPct)}, ${pct(h.shareWithin10 * 100)} within ±10%, worst ${pct(h.worstAbsErrPct)}`],
        ] as [string, string][]) : []),
      ])}`);
    }
    return 0;
  },
};
