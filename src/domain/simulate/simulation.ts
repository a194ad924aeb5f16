import type { CompiledNet } from './compile.ts';
import { sample } from './distributions.ts';
import { EventQueue } from './eventQueue.ts';
import { Measurements } from './measure.ts';
import { Rng } from './rng.ts';
import { RunawayDetector } from './runaway.ts';
import { VisitPool, ROOT, ASYNC } from './visits.ts';

/** Event kinds, in the low 2 bits of a heap payload (the rest is a visit or station index). */
const EV_DONE = 0; // one request finished service; id = visit
const EV_BATCH = 1; // a batch finished; id = first visit of the batch (members linked by `next`)
const EV_TIMER = 2; // a batching window expired; id = station

/**
 * The event loop. Request semantics are those of network.ts: a visit waits in its station's FCFS queue, is
 * served (its server is then free again), then calls its children route by route; a sync child makes the visit
 * wait (for the slowest of a fan-out), an async child does not. Run it in slices with `step`.
 * Requests with index in [warmup, warmup + requests) are measured; time averages cover the window from the
 * first measured arrival to the first arrival after them. The run ends when every measured visit is done.
 */
export class Simulation {
  readonly rng: Rng;
  readonly q = new EventQueue();
  readonly v = new VisitPool();
  readonly m: Measurements;
  readonly runaway: RunawayDetector;
  now = 0;
  events = 0;
  arrivals = 0;
  finished = false;
  stopped: 'saturated' | 'max-events' | 'aborted' | undefined;
  private nextArrival: number;
  private measuredAlive = 0;
  // Station state: busy servers, visits present, FCFS queue (linked through VisitPool.next), batching timer.
  readonly busy: Float64Array;
  readonly inSystem: Float64Array;
  private readonly qHead: Int32Array;
  private readonly qTail: Int32Array;
  private readonly qLen: Int32Array;
  private readonly timer: Float64Array;
  private readonly allArrivals: Float64Array;
  /** Arrivals between runaway checks: ≤ 5000, so a runaway queue is caught early however long the run. */
  private readonly checkEvery: number;
  /** Arrival index at which a run with a runaway queue ends. */
  private stopAt = Infinity;

  constructor(
    readonly net: CompiledNet,
    seed: number,
    /** Requests before the measured ones (cut short when a queue runs away during the warm-up). */
    public warmup: number,
    readonly requests: number,
    readonly maxEvents: number,
  ) {
    const n = net.ids.length;
    this.rng = new Rng(seed);
    this.m = new Measurements(n);
    this.runaway = new RunawayDetector(n);
    this.busy = new Float64Array(n);
    this.inSystem = new Float64Array(n);
    this.allArrivals = new Float64Array(n);
    this.timer = new Float64Array(n).fill(-1);
    this.qHead = new Int32Array(n).fill(-1);
    this.qTail = new Int32Array(n).fill(-1);
    this.qLen = new Int32Array(n);
    this.checkEvery = Math.min(5000, Math.max(500, Math.ceil((warmup + requests) / 40)));
    this.nextArrival = sample(net.interArrival, this.rng);
  }

  /** Fraction of the planned arrivals generated so far. */
  progress(): number {
    return this.finished ? 1 : Math.min(1, this.arrivals / (this.warmup + this.requests + 1));
  }

  /** Process up to `budget` events; returns true once the run is over. */
  step(budget: number): boolean {
    const end = Math.min(this.events + budget, this.maxEvents);
    const q = this.q;
    while (!this.finished) {
      if (this.events >= end) {
        if (this.events >= this.maxEvents) this.stop('max-events');
        return this.finished;
      }
      this.events++;
      const ht = q.topTime();
      if (this.nextArrival <= ht) {
        this.now = this.nextArrival;
        this.externalArrival();
      } else {
        this.now = ht;
        const p = q.pop();
        const kind = p & 3;
        if (kind === EV_DONE) this.serviceDone(p >> 2);
        else if (kind === EV_BATCH) this.batchDone(p >> 2);
        else this.startBatches(p >> 2);
      }
      if (this.measuredAlive === 0 && this.arrivals > this.warmup + this.requests) this.finished = true;
    }
    return true;
  }

  stop(reason: 'saturated' | 'max-events' | 'aborted'): void {
    if (this.finished) return;
    this.stopped = reason;
    this.finished = true;
  }

  /** Close the measurement window now if the run stopped inside it. */
  closeWindow(): void {
    this.m.close(this.now, this.busy, this.inSystem);
  }

  private isMeasured(req: number): boolean {
    return req >= this.warmup && req < this.warmup + this.requests;
  }

  private externalArrival(): void {
    const idx = this.arrivals++;
    if (idx === this.warmup) this.m.open(this.now);
    if (idx === this.warmup + this.requests) this.closeWindow();
    if (idx > 0 && idx % this.checkEvery === 0 && this.stopAt === Infinity && this.runaway.check(this.qLen, this.allArrivals, this.v.alive)) {
      // Stop soon, but after at least 2 measured blocks, so the result still has rates and utilizations.
      if (idx < this.warmup) this.warmup = idx + 1;
      this.stopAt = Math.max(idx + 1, this.warmup + 2 * this.checkEvery);
    }
    if (idx >= this.stopAt) return this.stop('saturated');
    const net = this.net;
    let s = net.entryStation[0]!;
    const ne = net.entryStation.length;
    if (ne > 1) {
      const u = this.rng.next();
      let k = 0;
      while (k < ne - 1 && u > net.entryCumShare[k]!) k++;
      s = net.entryStation[k]!;
    }
    this.nextArrival = this.now + sample(net.interArrival, this.rng);
    this.arrive(s, idx, ROOT);
  }

  private arrive(s: number, req: number, parent: number): void {
    const v = this.v.alloc(s, req, parent, this.now, this.net.routeStart[s]!);
    this.allArrivals[s]!++;
    if (this.isMeasured(req)) {
      this.m.arrivals[s]!++;
      this.measuredAlive++;
    }
    this.m.integrate(s, this.now, this.busy[s]!, this.inSystem[s]!);
    this.inSystem[s]!++;
    if (this.net.batching[s] === 1) {
      this.enqueue(s, v);
      this.startBatches(s);
    } else if (this.busy[s]! < this.net.servers[s]!) {
      this.busy[s]!++;
      this.startService(v, s);
    } else {
      this.enqueue(s, v);
    }
  }

  private startService(v: number, s: number): void {
    this.v.start[v] = this.now;
    this.q.push(this.now + sample(this.net.service[s]!, this.rng), (v << 2) | EV_DONE);
  }

  private serviceDone(v: number): void {
    const s = this.v.station[v]!;
    this.m.integrate(s, this.now, this.busy[s]!, this.inSystem[s]!);
    this.inSystem[s]!--;
    if (this.qLen[s]! > 0) this.startService(this.dequeue(s), s);
    else this.busy[s]!--;
    this.finishLocal(v, s);
  }

  /** Batching: while an instance is free, start a batch of up to maxBatch, unless the window says wait. */
  private startBatches(s: number): void {
    const net = this.net;
    const vp = this.v;
    const maxB = net.batchMax[s]!;
    while (this.busy[s]! < net.servers[s]! && this.qLen[s]! > 0) {
      const head = this.qHead[s]!;
      if (this.qLen[s]! < maxB && net.batchWindow[s]! > 0) {
        // Wait until the oldest waiting request has waited windowMs (Triton's max_queue_delay).
        const deadline = vp.arrive[head]! + net.batchWindow[s]!;
        if (this.now < deadline) {
          if (this.timer[s] !== deadline) {
            this.timer[s] = deadline;
            this.q.push(deadline, (s << 2) | EV_TIMER);
          }
          return;
        }
      }
      const size = Math.min(this.qLen[s]!, maxB);
      let last = head;
      vp.start[head] = this.now;
      for (let i = 1; i < size; i++) {
        last = vp.next[last]!;
        vp.start[last] = this.now;
      }
      this.qHead[s] = vp.next[last]!;
      this.qLen[s]! -= size;
      if (this.qLen[s] === 0) this.qTail[s] = -1;
      vp.next[last] = -1; // the batch is now the list head → last
      this.m.integrate(s, this.now, this.busy[s]!, this.inSystem[s]!);
      this.m.batchStarted(s, size);
      this.busy[s]!++;
      this.q.push(this.now + net.batchA[s]! + net.batchB[s]! * size, (head << 2) | EV_BATCH);
    }
  }

  private batchDone(head: number): void {
    const vp = this.v;
    const s = vp.station[head]!;
    this.m.integrate(s, this.now, this.busy[s]!, this.inSystem[s]!);
    this.busy[s]!--;
    for (let v = head; v !== -1; ) {
      const nx = vp.next[v]!; // read before finishLocal frees v and reuses `next` for the free list
      this.inSystem[s]!--;
      this.finishLocal(v, s);
      v = nx;
    }
    this.startBatches(s);
  }

  /** Local service is over: record it, then call the children. */
  private finishLocal(v: number, s: number): void {
    const vp = this.v;
    if (this.isMeasured(vp.req[v]!)) {
      this.m.visitDone(s, vp.start[v]! - vp.arrive[v]!, this.now - vp.arrive[v]!);
      this.measuredAlive--;
    }
    this.advance(v, s);
  }

  /** Call the children from route vp.route[v] on; stop at the first sync call (it resumes when they finish). */
  private advance(v: number, s: number): void {
    const net = this.net;
    const vp = this.v;
    const end = net.routeStart[s + 1]!;
    for (let r = vp.route[v]!; r < end; r++) {
      const frac = net.routeFrac[r]!;
      let calls = net.routeFloor[r]!;
      if (frac > 0 && this.rng.next() < frac) calls++;
      if (calls === 0) continue;
      const to = net.routeTo[r]!;
      const req = vp.req[v]!;
      if (net.sync[to] === 1) {
        vp.pending[v] = calls;
        vp.route[v] = r + 1;
        for (let i = 0; i < calls; i++) this.arrive(to, req, v);
        return;
      }
      for (let i = 0; i < calls; i++) this.arrive(to, req, ASYNC);
    }
    this.complete(v);
  }

  /** The visit and its sync children are done: tell the parent, or record the end-to-end time. */
  private complete(v: number): void {
    const vp = this.v;
    const parent = vp.parent[v]!;
    if (parent === ROOT && this.isMeasured(vp.req[v]!)) this.m.e2e.push(this.now - vp.arrive[v]!);
    vp.free(v);
    if (parent >= 0 && --vp.pending[parent]! === 0) this.advance(parent, vp.station[parent]!);
  }

  private enqueue(s: number, v: number): void {
    const tail = this.qTail[s]!;
    if (tail === -1) this.qHead[s] = v;
    else this.v.next[tail] = v;
    this.qTail[s] = v;
    this.qLen[s]!++;
  }

  private dequeue(s: number): number {
    const v = this.qHead[s]!;
    this.qHead[s] = this.v.next[v]!;
    if (--this.qLen[s]! === 0) this.qTail[s] = -1;
    this.v.next[v] = -1;
    return v;
  }
}
