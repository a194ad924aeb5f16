export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Automatic versions kept per design or doc at most, after thinning; named versions are not counted. */
export const MAX_AUTO_VERSIONS = 100;
/** Versions of a design or doc that is gone are deleted only after it has been missing this long (Undo brings it back). */
export const ORPHAN_GRACE_MS = DAY_MS;

export interface VersionMeta {
  id: string;
  createdAt: number;
  auto: boolean;
}

/**
 * Which versions of one target to delete. Named versions (auto: false) are always kept. Automatic ones:
 * all from the last hour; older than that, the newest in each clock hour for a day; older than a day, the
 * newest in each (UTC) day; then at most MAX_AUTO_VERSIONS, the newest. Buckets are fixed clock hours and
 * days, not ages, so a version kept once is not dropped just because time passed within its bucket.
 */
export function versionsToPrune(versions: readonly VersionMeta[], now: number, maxAuto = MAX_AUTO_VERSIONS): string[] {
  const autos = versions.filter((v) => v.auto).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  const seen = new Set<string>();
  const kept: VersionMeta[] = [];
  const drop: string[] = [];
  for (const v of autos) {
    const age = now - v.createdAt;
    const bucket = age < HOUR_MS ? `v:${v.id}` : age < DAY_MS ? `h:${Math.floor(v.createdAt / HOUR_MS)}` : `d:${Math.floor(v.createdAt / DAY_MS)}`;
    if (seen.has(bucket)) drop.push(v.id);
    else {
      seen.add(bucket);
      kept.push(v);
    }
  }
  for (const v of kept.slice(maxAuto)) drop.push(v.id);
  return drop;
}
