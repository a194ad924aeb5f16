import { getModel } from '../catalog/models.ts';
import { profileKey } from '../capacity/resolve.ts';
import type { Profile } from '../capacity/roofline.ts';
import type { Design } from '../design/schema.ts';
import { profileForModel, type DeviceProfile } from './profile.ts';

/** A node's params.profileId: a device profile id, optionally `#modelId` to use one measured model's own fit. */
export function parseProfileRef(ref: string): { profileId: string; modelId?: string } {
  const i = ref.indexOf('#');
  return i < 0 ? { profileId: ref } : { profileId: ref.slice(0, i), modelId: ref.slice(i + 1) };
}

export function profileRef(profileId: string, modelId?: string): string {
  return modelId ? `${profileId}#${modelId}` : profileId;
}

/**
 * FLOPs and bytes of a catalog model, in the calibration's terms (fp32 weights: the browser runs fp32).
 * Null when the model is unknown.
 */
export function catalogModelInfo(modelId: string, seqLen?: number) {
  const m = getModel(modelId);
  if (!m) return null;
  const s = seqLen ?? m.seqLen?.default ?? 1;
  return {
    modelId,
    flopsPerSample: 2 * m.macs(s),
    fixedFlops: 0,
    paramsBytes: m.params.value * 4,
    activationBytesPerSample: m.activationElements(s) * 4,
    // Catalog models carry no graph: a CNN's work is convolution, the others' is GEMM.
    split: m.family === 'cnn' ? { gemm: 0, conv: 2 * m.macs(s), depthwise: 0, other: 0 } : { gemm: 2 * m.macs(s), conv: 0, depthwise: 0, other: 0 },
  };
}

/**
 * The calibration each model server on "this device" uses, keyed as estimateDesign looks them up. A node that
 * names a measured model gets that model's own a + b·B; otherwise the device fit predicts its catalog model.
 */
export function capacityProfiles(design: Design, profiles: readonly DeviceProfile[]): Record<string, Profile> {
  const out: Record<string, Profile> = {};
  for (const node of design.nodes) {
    const ref = node.params?.profileId;
    if (!ref) continue;
    const { profileId, modelId } = parseProfileRef(ref);
    const profile = profiles.find((p) => p.id === profileId);
    if (!profile) continue;
    if (modelId) {
      const measured = profile.models.find((m) => m.modelId === modelId);
      if (!measured) continue;
      const p = profileForModel(profile, { modelId, flopsPerSample: measured.flopsPerSample, fixedFlops: measured.fixedFlops, paramsBytes: measured.paramsBytes, activationBytesPerSample: measured.activationBytesPerSample, ...(measured.split ? { split: measured.split } : {}) });
      if (p) out[ref] = { aMs: p.aMs, bMs: p.bMs, label: p.label };
      continue;
    }
    const info = node.params?.model ? catalogModelInfo(node.params.model, node.params.seqLen) : null;
    if (!info) continue;
    const p = profileForModel(profile, info);
    if (p) out[profileKey(ref, node.params?.model)] = { aMs: p.aMs, bMs: p.bMs, label: p.label };
  }
  return out;
}
