import { fitLatencyLine } from './fit.ts';
import { chooseFeatures, DEFAULT_FEATURES, fitDevice, type FeatureSet } from './predict.ts';
import { fitValue, PROFILE_FORMAT, PROFILE_VERSION, profilePoints, type DeviceProfile, type FitStat, type ProfileModel } from './profile.ts';
import { isTooNoisy, type NoiseRule, type SampleSummary } from './stats.ts';

/** What a benchmark run produced, before any fitting: identity, settings and per-point statistics. */
export type ProfileInput = Omit<DeviceProfile, 'format' | 'version' | 'id' | 'models' | 'deviceFit' | 'heldOut'> & {
  id?: string;
  models: (Omit<ProfileModel, 'points' | 'fit' | 'fitError'> & { points: { batch: number; stats: SampleSummary }[] })[];
};

/**
 * Turn measurements into a profile: mark noisy points (kept, with the reason, but left out of every fit), fit each
 * model's line, fit the device model over all models, and check it by leaving each model out in turn.
 * features 'auto' (the default) keeps the feature set whose leave-one-model-out check is best (chooseFeatures).
 */
export function buildProfile(input: ProfileInput, opts: { features?: FeatureSet | 'auto'; noise?: NoiseRule; fitStat?: FitStat } = {}): DeviceProfile {
  const want = opts.features ?? 'auto';
  const fitStat = opts.fitStat ?? input.fitStat ?? 'min';
  const models: ProfileModel[] = input.models.map((m) => {
    const points = m.points.map((p) => {
      const v = isTooNoisy(p.stats, opts.noise);
      return v.noisy ? { ...p, discarded: v.reason } : p;
    });
    const fit = fitLatencyLine(points.filter((p) => !('discarded' in p)).map((p) => ({ batch: p.batch, ms: fitValue(p.stats, fitStat) })));
    return { ...m, points, ...(fit.ok ? { fit: fit.fit } : { fitError: fit.reason }) };
  });
  const id = input.id ?? `${input.runtime}-${input.backend}-t${input.threads ?? 1}-${input.createdAt}`.replace(/[^\w.-]+/g, '-');
  const profile: DeviceProfile = { ...input, format: PROFILE_FORMAT, version: PROFILE_VERSION, id, fitStat, models };
  const pts = profilePoints(profile);
  if (pts.length < 2) return profile;
  // Device probes (suite family 'probe') are in every fit and never held out.
  const probes = models.filter((m) => m.family === 'probe').map((m) => m.modelId);
  // Leaving a model out must still leave two points to fit, and two models must be left to hold out.
  const counts = new Map<string, number>();
  for (const p of pts) if (!probes.includes(p.modelId)) counts.set(p.modelId, (counts.get(p.modelId) ?? 0) + 1);
  const checkable = counts.size >= 2 && pts.length - Math.max(...counts.values()) >= 2;
  if (!checkable) {
    profile.deviceFit = fitDevice(pts, want === 'auto' ? DEFAULT_FEATURES : want);
    return profile;
  }
  const { features, reports } = chooseFeatures(pts, want === 'auto' ? undefined : [want], probes);
  profile.deviceFit = fitDevice(pts, features);
  profile.heldOut = reports[features]!;
  return profile;
}
