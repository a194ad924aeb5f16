import { estimateDesign, type DesignEstimate, type Profile } from '../../domain/capacity/index.ts';
import { readDesignText } from '../../domain/design/format.ts';
import { num, parse, readJson, readText } from '../args.ts';
import { InputError, UsageError, type Command } from '../command.ts';
import { fmt, json, keyValues, table } from '../format.ts';

function readProfiles(io: Parameters<Command['run']>[1], path: string | undefined): Record<string, Profile> | undefined {
  if (path === undefined) return undefined;
  const raw = readJson(io, path);
  if (!raw || typeof raw !== 'object') throw new InputError(`${path}: expected an object of profile id → {"aMs", "bMs", "label"}`);
  const out: Record<string, Profile> = {};
  for (const [id, p] of Object.entries(raw as Record<string, Record<string, unknown>>)) {
    if (typeof p?.aMs !== 'number' || typeof p.bMs !== 'number') throw new InputError(`${path}: profile "${id}" needs numbers "aMs" and "bMs"`);
    out[id] = { aMs: p.aMs, bMs: p.bMs, label: typeof p.label === 'string' ? p.label : id };
  }
  return out;
}

/** The compact, stable JSON shape of an estimate (the full one, with explanations, is for the app). */
export function estimateSummary(e: DesignEstimate) {
  return {
    loadRps: e.loadRps,
    endToEnd: e.endToEnd,
    maxThroughputRps: e.maxThroughputRps,
    bottleneck: e.bottleneck,
    monthlyCostUsd: e.monthlyCostUsd,
    costPer1MUsd: e.costPer1MUsd,
    gpuHoursPerMonth: e.gpuHoursPerMonth,
    availability: e.availability,
    nodes: Object.values(e.nodes).map((n) => ({
      id: n.id, role: n.role, arrivalRps: n.arrivalRps, utilization: n.utilization, saturated: n.saturated, meanMs: n.meanMs,
      p50Ms: n.p50Ms, p99Ms: n.p99Ms, replicas: n.replicas, replicasNeeded: n.replicasNeeded, monthlyCostUsd: n.monthlyCostUsd,
    })),
    warnings: e.warnings,
  };
}

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'Capacity, latency, cost and availability of a design file',
  usage: `Usage: mlsd estimate DESIGN.mlsd.json [--load-multiplier X] [--profiles FILE] [--json]

  --load-multiplier  what-if factor on the design load (rps × peakFactor), e.g. 2
  --profiles         JSON object of calibration profiles by id: {"my-t4": {"aMs": 1.2, "bMs": 0.4, "label": "..."}}

Example: mlsd estimate examples/fraud.mlsd.json --json`,
  run(args, io) {
    const { values, positionals } = parse(args, { 'load-multiplier': { type: 'string' }, profiles: { type: 'string' } }, 1);
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const path = positionals[0];
    if (!path) throw new UsageError('missing the design file: mlsd estimate DESIGN.mlsd.json');
    const loadMultiplier = num(values, 'load-multiplier', { above: 0, max: 1000 });
    const profiles = readProfiles(io, typeof values.profiles === 'string' ? values.profiles : undefined);
    const read = readDesignText(readText(io, path));
    if (!read.ok) throw new InputError(`${path}: ${read.message}${read.path ? ` (at ${read.path})` : ''}`);
    const e = estimateDesign(read.value, { ...(loadMultiplier !== undefined ? { loadMultiplier } : {}), ...(profiles ? { profiles } : {}) });
    if (values.json) return io.out(json(estimateSummary(e))), 0;
    const e2e = e.endToEnd;
    io.out(keyValues([
      ['design', read.value.name],
      ['load', `${fmt(e.loadRps)} req/s`],
      ['end to end', e2e.saturated ? 'saturated: latency unbounded' : `mean ${fmt(e2e.meanMs)} ms, p50 ${fmt(e2e.p50Ms)} ms, p99 ${fmt(e2e.p99Ms)} ms`],
      ...(e2e.budgetMs !== undefined ? [['p99 budget', `${fmt(e2e.budgetMs)} ms (${e2e.withinBudget ? 'met' : 'missed'})`] as [string, string]] : []),
      ['max throughput', e.maxThroughputRps === null ? '—' : `${fmt(e.maxThroughputRps)} req/s (bottleneck: ${e.bottleneck})`],
      ['monthly cost', `$${fmt(e.monthlyCostUsd)} (${e.costPer1MUsd === null ? '—' : `$${fmt(e.costPer1MUsd, 4)}`} per 1M)`],
      ['GPU-hours/month', fmt(e.gpuHoursPerMonth)],
      ['availability', fmt(e.availability, 6)],
    ]));
    io.out('\n');
    io.out(table(['node', 'role', 'req/s', 'util', 'mean ms', 'p99 ms', 'replicas', 'needed', '$/month'], Object.values(e.nodes).map((n) => [
      n.id, n.role, fmt(n.arrivalRps, 1), n.role === 'offline' || n.role === 'source' ? '' : `${fmt(n.utilization * 100, 1)}%`,
      n.saturated ? 'unbounded' : fmt(n.meanMs), n.saturated ? 'unbounded' : fmt(n.p99Ms), String(n.replicas), String(n.replicasNeeded), fmt(n.monthlyCostUsd, 0),
    ]), 2));
    for (const w of e.warnings) io.err(`warning: ${w}\n`);
    return 0;
  },
};
