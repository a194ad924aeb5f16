/** More visits alive than this means some queue is running away (a memory guard). */
export const MAX_ALIVE_VISITS = 4_000_000;

/**
 * Detects queues that keep growing, from checkpoints taken every few thousand arrivals. A station is flagged
 * when its waiting line grew at each of the last 3 checkpoints and by far more than the random-walk noise of
 * its arrivals in that span (4·√A + 50), which a stable queue (ρ ≤ 0.95) essentially never does. ρ ≥ 1 that
 * grows too slowly for this (ρ ≈ 1) is caught at the end by utilization ≥ 0.99 (result.ts).
 */
export class RunawayDetector {
  /** Per station, the last 4 queue lengths then the last 4 cumulative arrival counts (ring of 4). */
  private readonly hist: Float64Array;
  private checks = 0;
  readonly flagged = new Set<number>();

  constructor(private readonly stations: number) {
    this.hist = new Float64Array(stations * 8);
  }

  /** Record a checkpoint; returns true when some station is flagged. */
  check(qLen: Int32Array, arrivals: Float64Array, aliveVisits: number): boolean {
    const h = this.hist;
    const k = this.checks++ & 3;
    for (let s = 0; s < this.stations; s++) {
      const o = s * 8;
      h[o + k] = qLen[s]!;
      h[o + 4 + k] = arrivals[s]!;
      if (this.checks < 4) continue;
      const q0 = h[o + ((k + 1) & 3)]!;
      const q1 = h[o + ((k + 2) & 3)]!;
      const q2 = h[o + ((k + 3) & 3)]!;
      const q3 = h[o + k]!;
      const a = h[o + 4 + k]! - h[o + 4 + ((k + 1) & 3)]!;
      if (q3 > q2 && q2 > q1 && q1 > q0 && q3 - q0 > 4 * Math.sqrt(a) + 50) this.flagged.add(s);
    }
    if (aliveVisits > MAX_ALIVE_VISITS) {
      let worst = 0;
      for (let s = 1; s < this.stations; s++) if (qLen[s]! > qLen[worst]!) worst = s;
      this.flagged.add(worst);
    }
    return this.flagged.size > 0;
  }
}
