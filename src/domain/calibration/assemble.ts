import { buildProfile } from './buildProfile.ts';
import type { DeviceProfile, ProfileModel } from './profile.ts';
import { summarize } from './stats.ts';

/** One model's raw measurements from a browser run, before any statistics. */
export interface RunModel {
  modelId: string;
  label: string;
  family?: string;
  info: Pick<ProfileModel, 'precision' | 'flopsPerSample' | 'fixedFlops' | 'paramsBytes' | 'activationBytesPerSample' | 'split'>;
  points: { batch: number; samples: number[] }[];
}

export type AssembleInput = Omit<Parameters<typeof buildProfile>[0], 'models'> & { id: string; models: RunModel[] };

/** Raw samples → statistics per point → buildProfile (noise marking, per-model lines, device fit, held-out check). */
export function assembleProfile(input: AssembleInput): DeviceProfile {
  return buildProfile({
    ...input,
    models: input.models
      .filter((m) => m.points.length > 0)
      .map((m) => ({
        modelId: m.modelId, label: m.label, ...(m.family ? { family: m.family } : {}), ...m.info,
        points: m.points.map((p) => ({ batch: p.batch, stats: summarize(p.samples) })),
      })),
  });
}
