import { countFlops } from '../../domain/calibration/flops/index.ts';
import { num, parse } from '../args.ts';
import type { Command } from '../command.ts';
import { fmt, json, keyValues, table } from '../format.ts';
import { loadTarget, stringList } from './modelArg.ts';

export const flopsCommand: Command = {
  name: 'flops',
  summary: 'FLOPs, weights and activation bytes of an ONNX model, per sample and fixed',
  usage: `Usage: mlsd flops MODEL [--shape DIMS]... [--batch B] [--json]

  MODEL     an .onnx file, or a built-in suite model as suite:<id> (e.g. suite:mlp-m)
  --shape   fixes symbolic dimensions: "1x3x224x224" for the first input, "name=1x3x224x224" for a named one
            (repeat for several inputs). A symbolic first dimension is the batch and follows --batch.
  --batch   batch size for the totals (default 1)

A multiply-add counts 2 FLOPs. Per sample = F(2) − F(1); fixed = 2·F(1) − F(2) (work that does not grow with
the batch, such as dequantizing weights). Ops the counter does not know count 0 and are listed as warnings.
Example: mlsd flops model.onnx --shape 1x3x224x224 --json`,
  run(args, io) {
    const { values, positionals } = parse(args, { shape: { type: 'string', multiple: true }, batch: { type: 'string' } }, 1);
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const batch = num(values, 'batch', { integer: true, min: 1, max: 65_536 }) ?? 1;
    const target = loadTarget(positionals[0], stringList(values.shape));
    const r = countFlops(target.model, { batch, ...(Object.keys(target.shapes).length ? { shapes: target.shapes } : {}) });
    const inputs = target.feedsAt(batch).map(({ name, dtype, shape }) => ({ name, dtype, shape }));
    const out = {
      model: target.id, batch: r.batch, totalFlops: r.totalFlops, flopsPerSample: r.flopsPerSample, fixedFlops: r.fixedFlops,
      paramsBytes: r.paramsBytes, paramsCount: r.paramsCount, activationBytesPerSample: r.activationBytesPerSample, inputs, ops: r.ops, warnings: r.warnings,
    };
    if (values.json) return io.out(json(out)), 0;
    io.out(keyValues([
      ['model', target.id],
      ['inputs', inputs.map((i) => `${i.name} ${i.dtype}[${i.shape.join('x')}]`).join(', ')],
      [`FLOPs at batch ${r.batch}`, fmt(r.totalFlops)],
      ['FLOPs per sample', fmt(r.flopsPerSample)],
      ['fixed FLOPs', fmt(r.fixedFlops)],
      ['weights', `${fmt(r.paramsBytes / 1e6, 3)} MB (${fmt(r.paramsCount)} values)`],
      ['activations', `${fmt(r.activationBytesPerSample / 1e6, 3)} MB per sample`],
    ]));
    const rows = Object.entries(r.ops).sort((a, b) => b[1].flops - a[1].flops).map(([op, o]) => [op, String(o.count), fmt(o.flops)]);
    if (rows.length) io.out(`\n${table(['op', 'nodes', 'FLOPs'], rows)}`);
    for (const w of r.warnings) io.err(`warning: ${w}\n`);
    return 0;
  },
};
