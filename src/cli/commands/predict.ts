import { predictStatic, resolveSetup, rooflineTerms, type Profile } from '../../domain/capacity/index.ts';
import { PROFILE_FORMAT, profileForModel, readProfile as readDeviceProfile, type DeviceProfile } from '../../domain/calibration/profile.ts';
import { flopsAt } from '../../domain/calibration/predict.ts';
import { num, parse, readJson, str } from '../args.ts';
import { InputError, UsageError, type Command, type Io } from '../command.ts';
import { fmt, json, keyValues } from '../format.ts';
import { loadTarget, stringList } from './modelArg.ts';
import { readProfile, readSetup, setupOptions } from './setup.ts';

/** A device profile (mlsd-device-profile) when the file says so; otherwise undefined and the {aMs, bMs} reader applies. */
function readDeviceProfileFile(io: Io, path: string): DeviceProfile | undefined {
  const raw = readJson(io, path) as { format?: unknown } | null;
  if (!raw || typeof raw !== 'object' || raw.format !== PROFILE_FORMAT) return undefined;
  const r = readDeviceProfile(raw);
  if (!r.ok) throw new InputError(`${path}: ${r.message}`);
  return r.value;
}

function noLine(path: string): never {
  throw new InputError(`${path}: the device profile has no usable measurement (no fitted model and no device fit)`);
}

export const predictCommand: Command = {
  name: 'predict',
  summary: 'Roofline latency and throughput of one batch of a model on a device',
  usage: `Usage: mlsd predict --model M --hardware H --batch B [--seq N] [--stack S] [--precision P] [--profile FILE] [--json]
       mlsd predict --onnx MODEL --batch B --profile PROFILE.json [--shape DIMS]... [--json]

  --model      model zoo id (resnet50, bert-base, bert-large, distilbert, dlrm, two-tower, decoder-1b, ...)
  --hardware   device id (T4, A10G, L4, V100, A100-40GB, A100-80GB, H100-SXM, c6i.xlarge, ...)
  --batch      samples in the request (whole number ≥ 1)
  --seq        sequence length for models that have one
  --stack      serving stack (default triton+tensorrt on GPUs, onnxruntime-cpu on CPUs)
  --precision  fp32, fp16 or int8 (default fp16 on GPUs, fp32 on CPUs)
  --profile    JSON calibration {"aMs", "bMs", "label"}: latency = aMs + bMs·B instead of the roofline, or a
               device profile from \`mlsd calibrate\` (its device fit prices the model's FLOPs and bytes)
  --onnx       an .onnx file (or suite:<id>) to predict from a profile: a model the profile measured uses its own
               line, any other its FLOPs and bytes through the device fit
  --shape      with --onnx: fixes symbolic dimensions ("1x3x224x224" or "name=…"); the first follows --batch

One request carrying B samples, like perf_analyzer's offline mode at concurrency 1.
Example: mlsd predict --model bert-base --hardware T4 --stack tensorrt --batch 8 --seq 128
         mlsd predict --onnx model.onnx --shape 1x3x224x224 --batch 8 --profile laptop.json`,
  run(args, io) {
    const { values } = parse(args, { ...setupOptions, batch: { type: 'string' }, profile: { type: 'string' }, onnx: { type: 'string' }, shape: { type: 'string', multiple: true } });
    if (values.help) return io.out(`${this.usage}\n`), 0;
    if (str(values, 'onnx') !== undefined) return predictOnnx(values, io);
    if (values.shape !== undefined) throw new UsageError('--shape goes with --onnx');
    const setup = readSetup(values, false);
    const batch = num(values, 'batch', { required: true, integer: true, min: 1, max: 65_536 });
    const path = str(values, 'profile');
    const device = path !== undefined ? readDeviceProfileFile(io, path) : undefined;
    let profile: Profile | undefined;
    if (device) {
      // A zoo model through the device fit: its roofline FLOPs and bytes, priced at this device's measured rates.
      const t = rooflineTerms(resolveSetup(setup));
      const line = profileForModel(device, { label: setup.model, flopsPerSample: t.flopsPerSample, fixedFlops: 0, paramsBytes: t.weightBytes, activationBytesPerSample: t.bytesPerSample }) ?? noLine(path!);
      profile = { aMs: line.aMs, bMs: line.bMs, label: line.label };
    } else profile = readProfile(io, path);
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

/** --onnx: a model file (or suite model) priced by a calibration profile. */
function predictOnnx(values: Record<string, string | boolean | undefined>, io: Io): number {
  for (const f of ['model', 'hardware', 'stack', 'precision', 'seq'] as const) {
    if (values[f] !== undefined) throw new UsageError(`--${f} does not apply with --onnx (the profile describes the device)`);
  }
  const batch = num(values, 'batch', { required: true, integer: true, min: 1, max: 65_536 });
  const path = str(values, 'profile');
  if (path === undefined) throw new UsageError('--onnx needs --profile (a device profile from mlsd calibrate, or {"aMs", "bMs"})');
  const target = loadTarget(str(values, 'onnx'), stringList(values.shape));
  const device = readDeviceProfileFile(io, path);
  let line: { aMs: number; bMs: number; label: string; source: 'measured' | 'predicted' | 'profile' };
  if (device) line = profileForModel(device, { modelId: target.id, label: target.label, ...target.cost }) ?? noLine(path);
  else line = { ...readProfile(io, path)!, source: 'profile' };
  const latencyMs = line.aMs + line.bMs * batch;
  const warnings = [...(target.report?.warnings ?? [])];
  if (device && line.source === 'predicted' && device.heldOut) {
    warnings.push(`predicted from the device fit; on held-out suite models it was within ±10% for ${Math.round(device.heldOut.shareWithin10 * 100)}% of points (median |error| ${device.heldOut.medianAbsErrPct.toFixed(1)}%)`);
  }
  if (!target.batched && batch > 1) warnings.push('the model has no symbolic batch dimension; the prediction assumes it would batch');
  const out = {
    model: target.id, batch, latencyMs, throughputRps: (batch / latencyMs) * 1000, flops: target.cost.flopsPerSample, batchFlops: flopsAt(target.cost, batch),
    aMs: line.aMs, bMs: line.bMs, source: line.source, profile: line.label, warnings,
  };
  if (values.json) io.out(json(out));
  else {
    io.out(keyValues([
      ['latency', `${fmt(latencyMs, 3)} ms for a batch of ${batch}`],
      ['throughput', `${fmt(out.throughputRps, 1)} samples/s`],
      ['line', `${fmt(line.aMs, 4)} ms + ${fmt(line.bMs, 4)} ms × B (${line.source})`],
      ['FLOPs per sample', `${fmt(out.flops)} (1 MAC = 2 FLOPs)`],
      ['profile', line.label],
    ]));
    for (const w of warnings) io.err(`warning: ${w}\n`);
  }
  return 0;
}
