import { SampleBuffer } from './samples.ts';

/**
 * What a run measures, per station: counts and response-time samples of measured visits, and time integrals of
 * busy servers and visits present over the measurement window (for utilization and Little's L).
 */
export class Measurements {
  windowOpen = false;
  windowStart = NaN;
  windowEnd = NaN;
  /** Visits of measured requests. */
  readonly arrivals: Float64Array;
  readonly sumWait: Float64Array;
  readonly resp: SampleBuffer[];
  readonly busyArea: Float64Array;
  readonly sysArea: Float64Array;
  readonly batches: Float64Array;
  readonly batchSum: Float64Array;
  readonly batchMax: Float64Array;
  /** End-to-end response times of measured requests. */
  readonly e2e = new SampleBuffer(1024);
  private readonly lastT: Float64Array;

  constructor(stations: number) {
    const f = (): Float64Array => new Float64Array(stations);
    this.arrivals = f();
    this.sumWait = f();
    this.busyArea = f();
    this.sysArea = f();
    this.lastT = f();
    this.batches = f();
    this.batchSum = f();
    this.batchMax = f();
    this.resp = Array.from({ length: stations }, () => new SampleBuffer(1024));
  }

  /** Accumulate busy-server time and visits-in-system time up to `now`; call before either count changes. */
  integrate(s: number, now: number, busy: number, inSystem: number): void {
    if (!this.windowOpen) return;
    const dt = now - this.lastT[s]!;
    this.busyArea[s]! += busy * dt;
    this.sysArea[s]! += inSystem * dt;
    this.lastT[s] = now;
  }

  visitDone(s: number, waitMs: number, responseMs: number): void {
    this.sumWait[s]! += waitMs;
    this.resp[s]!.push(responseMs);
  }

  batchStarted(s: number, size: number): void {
    if (!this.windowOpen) return;
    this.batches[s]!++;
    this.batchSum[s]! += size;
    if (size > this.batchMax[s]!) this.batchMax[s] = size;
  }

  open(now: number): void {
    this.windowOpen = true;
    this.windowStart = now;
    this.lastT.fill(now);
  }

  close(now: number, busy: Float64Array, inSystem: Float64Array): void {
    if (!this.windowOpen) return;
    for (let s = 0; s < this.lastT.length; s++) this.integrate(s, now, busy[s]!, inSystem[s]!);
    this.windowOpen = false;
    this.windowEnd = now;
  }
}
