import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MAX_AUTO_VERSIONS, versionsToPrune, type VersionMeta } from '../../../src/domain/history/prune.ts';
import { planOrphanSweep } from '../../../src/domain/history/orphans.ts';

const NOW = 1000 * DAY_MS; // a whole number of days: buckets line up with the test's arithmetic
const v = (id: string, ago: number, auto = true): VersionMeta => ({ id, createdAt: NOW - ago, auto });
const kept = (all: VersionMeta[], max?: number) => {
  const drop = new Set(versionsToPrune(all, NOW, max));
  return all.filter((x) => !drop.has(x.id)).map((x) => x.id);
};

describe('versionsToPrune', () => {
  it('keeps every automatic version from the last hour', () => {
    const all = Array.from({ length: 12 }, (_, i) => v(`m${i}`, i * 5 * 60_000));
    expect(kept(all)).toEqual(all.map((x) => x.id));
  });

  it('keeps the newest automatic version per clock hour within a day', () => {
    // Clock hour NOW-3h .. NOW-2h holds three versions; NOW-5h.. holds one.
    const all = [v('h2a', 2 * HOUR_MS + 10 * 60_000), v('h2b', 2 * HOUR_MS + 30 * 60_000), v('h2c', 2 * HOUR_MS + 50 * 60_000), v('h5', 5 * HOUR_MS + 1)];
    expect(kept(all)).toEqual(['h2a', 'h5']);
  });

  it('keeps the newest automatic version per day after a day', () => {
    // d3a, d3b and d3c fall in the same day (between 3 and 2 days ago); d3c is the newest of them.
    const all = [v('d3a', 3 * DAY_MS - HOUR_MS), v('d3b', 3 * DAY_MS - 5 * HOUR_MS), v('d3c', 3 * DAY_MS - 20 * HOUR_MS), v('d10', 10 * DAY_MS - 1)];
    expect(kept(all)).toEqual(['d3c', 'd10']);
  });

  it('keeps every named version, however old or many', () => {
    const named = Array.from({ length: 150 }, (_, i) => v(`n${i}`, 3 * DAY_MS + i * 1000, false));
    const autos = [v('a1', 3 * DAY_MS + 10), v('a2', 3 * DAY_MS + 20)];
    const result = kept([...named, ...autos]);
    expect(result).toEqual([...named.map((x) => x.id), 'a1']);
  });

  it('caps automatic versions at the newest MAX_AUTO_VERSIONS', () => {
    const all = Array.from({ length: MAX_AUTO_VERSIONS + 30 }, (_, i) => v(`a${i}`, i * 1000)); // all within the hour
    const result = kept(all);
    expect(result).toHaveLength(MAX_AUTO_VERSIONS);
    expect(result).toEqual(all.slice(0, MAX_AUTO_VERSIONS).map((x) => x.id));
    expect(kept([v('x', 1), v('y', 2), v('z', 3), v('n', 4, false)], 2)).toEqual(['x', 'y', 'n']);
  });

  it('a version kept once stays kept as time passes within its bucket', () => {
    const all = [v('a', 2 * HOUR_MS + 10 * 60_000), v('b', 2 * HOUR_MS + 40 * 60_000)];
    const first = versionsToPrune(all, NOW);
    const later = versionsToPrune(all, NOW + 30 * 60_000);
    expect(first).toEqual(['b']);
    expect(later).toEqual(['b']);
  });
});

describe('planOrphanSweep', () => {
  const exists = (ids: string[]) => (_k: 'design' | 'doc', id: string) => ids.includes(id);
  it('marks first, deletes only after the grace period, and unmarks when the target is back', () => {
    const rows = [
      { id: 'v1', targetKind: 'design' as const, targetId: 'gone' },
      { id: 'v2', targetKind: 'design' as const, targetId: 'gone', orphanedAt: NOW - DAY_MS },
      { id: 'v3', targetKind: 'design' as const, targetId: 'gone', orphanedAt: NOW - 1000 },
      { id: 'v4', targetKind: 'doc' as const, targetId: 'back', orphanedAt: NOW - 5 * DAY_MS },
      { id: 'v5', targetKind: 'doc' as const, targetId: 'here' },
    ];
    expect(planOrphanSweep(rows, exists(['back', 'here']), NOW)).toEqual({ mark: ['v1'], unmark: ['v4'], remove: ['v2'] });
  });
});
