import { isKnownKind } from '../../../src/domain/catalog/components.ts';

/**
 * What the rest of the app relies on when it holds a design, written out independently of the zod schema so a
 * schema that lets something through is caught: returns every broken rule (empty when the design is sound).
 */
export function designProblems(value: unknown): string[] {
  const out: string[] = [];
  const d = value as Record<string, unknown>;
  const obj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!obj(d)) return ['not an object'];
  if (d.format !== 'mlsd-design' || d.version !== 1) out.push('format/version');
  if (typeof d.name !== 'string' || d.name.trim() === '' || d.name.length > 200) out.push('name');
  out.push(...nonFinite(d).map((p) => `non-finite number at ${p}`));

  const range = (where: string, v: unknown, lo: number, hi: number, opts: { int?: boolean; openLo?: boolean; optional?: boolean } = {}) => {
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'number' || !(opts.openLo ? v > lo : v >= lo) || v > hi || (opts.int && !Number.isInteger(v))) out.push(`${where} = ${String(v)}`);
  };
  const w = d.workload;
  if (!obj(w)) out.push('workload');
  else {
    range('rps', w.rps, 0, 1e8, { openLo: true });
    range('peakFactor', w.peakFactor, 1, 100, { optional: true });
    range('payloadKb', w.payloadKb, 0, 1e6, { optional: true });
  }

  const ids = new Set<string>();
  const nodes = Array.isArray(d.nodes) ? d.nodes : (out.push('nodes'), []);
  for (const [i, n] of nodes.entries()) {
    if (!obj(n) || typeof n.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(n.id)) {
      out.push(`nodes[${i}].id`);
      continue;
    }
    if (ids.has(n.id)) out.push(`duplicate id ${n.id}`);
    ids.add(n.id);
    if (typeof n.kind !== 'string' || !isKnownKind(n.kind)) out.push(`nodes[${i}].kind`);
    if (n.label !== undefined && (typeof n.label !== 'string' || n.label.length > 120)) out.push(`nodes[${i}].label`);
    range(`nodes[${i}].replicas`, n.replicas, 1, 100_000, { int: true, optional: true });
    const p = n.params;
    if (p !== undefined) {
      if (!obj(p)) out.push(`nodes[${i}].params`);
      else {
        range(`nodes[${i}].serviceMs`, p.serviceMs, 0, 86_400_000, { openLo: true, optional: true });
        range(`nodes[${i}].concurrency`, p.concurrency, 1, 1e6, { int: true, optional: true });
        range(`nodes[${i}].maxBatch`, p.maxBatch, 1, 4096, { int: true, optional: true });
        range(`nodes[${i}].instances`, p.instances, 1, 64, { int: true, optional: true });
        range(`nodes[${i}].batchWindowMs`, p.batchWindowMs, 0, 10_000, { optional: true });
        range(`nodes[${i}].costPerHourUsd`, p.costPerHourUsd, 0, 10_000, { optional: true });
      }
    }
  }
  const pairs = new Set<string>();
  const edges = Array.isArray(d.edges) ? d.edges : (out.push('edges'), []);
  for (const [i, e] of edges.entries()) {
    if (!obj(e)) {
      out.push(`edges[${i}]`);
      continue;
    }
    if (typeof e.from !== 'string' || !ids.has(e.from)) out.push(`edges[${i}].from dangles`);
    if (typeof e.to !== 'string' || !ids.has(e.to)) out.push(`edges[${i}].to dangles`);
    if (e.from === e.to) out.push(`edges[${i}] self-loop`);
    const key = `${String(e.from)}→${String(e.to)}`;
    if (pairs.has(key)) out.push(`duplicate edge ${key}`);
    pairs.add(key);
    range(`edges[${i}].hitRatio`, e.hitRatio, 0, 1, { optional: true });
    range(`edges[${i}].callsPerRequest`, e.callsPerRequest, 0, 10_000, { openLo: true, optional: true });
  }
  return out;
}

/** Paths of every number in a value that is NaN or infinite. */
export function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path || '(root)'];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}
