import { getKind, type ComponentKind, type FlowRole } from '../catalog/components.ts';
import { getHardware, pricePerUnitHour, type Precision } from '../catalog/hardware.ts';
import { getInstance, GPU_MACHINE_BY_KIND } from '../catalog/instances.ts';
import type { Source } from '../catalog/sources.ts';
import type { DesignNode } from '../design/schema.ts';
import { linearFit, resolveSetup, rooflineTerms, UnknownNameError, type Profile, type RooflineTerms, type Setup } from './roofline.ts';

export const DEFAULT_MAX_BATCH = 32;
export const DEFAULT_HARDWARE = 'T4';

export interface BatchStation {
  aMs: number;
  bMs: number;
  maxBatch: number;
  windowMs: number;
  /** Per-request time outside the accelerator: stack request overhead + payload transfer. */
  delayMs: number;
  instances: number;
  source: 'roofline' | 'profile';
  profileLabel?: string;
  setup?: Setup;
  terms?: RooflineTerms;
}

/** What the engine needs to know about one node, with catalog defaults applied. */
export interface Station {
  id: string;
  kind: ComponentKind | undefined;
  role: FlowRole;
  replicas: number;
  /** Parallel servers per replica (concurrency, or model instances for a batching model server). */
  serversPerReplica: number;
  serviceMs: number;
  serviceCv: number;
  batch?: BatchStation;
  costPerReplicaHour: number;
  costSource?: Source | undefined;
  gpusPerReplica: number;
  availability: number;
  warnings: string[];
}

type Profiles = Record<string, Profile> | undefined;

function resolveBatch(node: DesignNode, profiles: Profiles, warnings: string[]): { batch: BatchStation; cost: number; costSource: Source; gpus: number } | null {
  const p = node.params ?? {};
  // A profile may be specific to the node's model (a device fit predicts each model differently): try that key first.
  const profile = p.profileId ? (profiles?.[profileKey(p.profileId, p.model)] ?? profiles?.[p.profileId]) : undefined;
  if (p.profileId && !profile) warnings.push(`"${node.id}": calibration profile "${p.profileId}" not found; using the roofline.`);
  if (!profile && !p.model) return null;
  const maxBatch = p.maxBatch ?? DEFAULT_MAX_BATCH;
  const instances = p.instances ?? 1;
  const windowMs = p.batchWindowMs ?? 0;
  const hw = getHardware(p.hardware ?? DEFAULT_HARDWARE);
  if (!hw) {
    warnings.push(`"${node.id}": unknown hardware "${p.hardware}"; using serviceMs instead of the roofline.`);
    return null;
  }
  const price = pricePerUnitHour(hw);
  const common = { cost: price.usd * instances, costSource: price.source, gpus: hw.kind === 'gpu' ? instances : 0 };
  if (profile) {
    return { ...common, batch: { aMs: profile.aMs, bMs: profile.bMs, maxBatch, windowMs, delayMs: 0, instances, source: 'profile', profileLabel: profile.label } };
  }
  try {
    const setup = resolveSetup({ model: p.model!, hardware: hw, ...(p.stack ? { stack: p.stack } : {}), ...(p.precision ? { precision: p.precision as Precision } : {}), ...(p.seqLen ? { seqLen: p.seqLen } : {}) });
    for (const w of setup.warnings) warnings.push(`"${node.id}": ${w}.`);
    const terms = rooflineTerms(setup);
    const { aMs, bMs } = linearFit(terms, maxBatch);
    const delayMs = terms.requestOverheadMs + terms.transferPerSampleMs;
    return { ...common, batch: { aMs, bMs, maxBatch, windowMs, delayMs, instances, source: 'roofline', setup, terms } };
  } catch (err) {
    if (!(err instanceof UnknownNameError)) throw err;
    warnings.push(`"${node.id}": ${err.message}; using serviceMs instead of the roofline.`);
    return null;
  }
}

export function resolveStation(node: DesignNode, profiles: Profiles): Station {
  const kind = getKind(node.kind);
  const role: FlowRole = kind?.role ?? 'sync';
  const def = kind?.defaults;
  const p = node.params ?? {};
  const warnings: string[] = [];
  const replicas = node.replicas ?? 1;
  const base: Station = {
    id: node.id, kind, role, replicas,
    serversPerReplica: p.concurrency ?? def?.concurrency ?? 1,
    serviceMs: p.serviceMs ?? def?.serviceMs ?? 1,
    serviceCv: p.serviceCv ?? def?.serviceCv ?? 1,
    costPerReplicaHour: p.costPerHourUsd ?? def?.costPerHourUsd ?? 0,
    costSource: p.costPerHourUsd !== undefined ? undefined : kind?.sources.costPerHourUsd,
    gpusPerReplica: 0,
    availability: p.availability ?? def?.availability ?? 1,
    warnings,
  };
  const machine = GPU_MACHINE_BY_KIND[node.kind];
  if (machine) base.gpusPerReplica = getInstance(machine)?.accelerator?.count ?? 0;
  if (kind?.servesModel) {
    base.serversPerReplica = p.instances ?? 1; // model servers scale by model instances, not concurrency
    const r = resolveBatch(node, profiles, warnings);
    if (r) {
      return {
        ...base, serversPerReplica: r.batch.instances, batch: r.batch, gpusPerReplica: r.gpus,
        serviceMs: r.batch.aMs + r.batch.bMs, serviceCv: 0,
        costPerReplicaHour: p.costPerHourUsd ?? r.cost, costSource: p.costPerHourUsd !== undefined ? undefined : r.costSource,
      };
    }
  }
  return base;
}

/** Key of a calibration profile for one model: the device profile id and the catalog model the node runs. */
export function profileKey(profileId: string, model: string | undefined): string {
  return `${profileId}|${model ?? ''}`;
}
