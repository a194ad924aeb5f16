/** Parent marker of an entry visit: its completion is the request's end-to-end time. */
export const ROOT = -1;
/** Parent marker of an async visit: nobody waits for it. */
export const ASYNC = -2;

/**
 * Visits (one request at one station) as a structure of arrays with a free list, so the event loop allocates
 * no objects. `next` links a visit into its station's FCFS queue, then into its batch, then into the free list.
 */
export class VisitPool {
  station: Int32Array = new Int32Array(1024);
  req: Int32Array = new Int32Array(1024);
  parent: Int32Array = new Int32Array(1024);
  next: Int32Array = new Int32Array(1024);
  /** Index (into the compiled route arrays) of the next route to call; a visit resumes there after its sync children. */
  route: Int32Array = new Int32Array(1024);
  /** Sync children still running. */
  pending: Int32Array = new Int32Array(1024);
  arrive: Float64Array = new Float64Array(1024);
  start: Float64Array = new Float64Array(1024);
  /** Visits alive now (a memory guard for runaway queues reads it). */
  alive = 0;
  private used = 0;
  private freeHead = -1;

  alloc(station: number, req: number, parent: number, now: number, firstRoute: number): number {
    let v = this.freeHead;
    if (v !== -1) this.freeHead = this.next[v]!;
    else {
      if (this.used === this.station.length) this.grow();
      v = this.used++;
    }
    this.station[v] = station;
    this.req[v] = req;
    this.parent[v] = parent;
    this.next[v] = -1;
    this.route[v] = firstRoute;
    this.pending[v] = 0;
    this.arrive[v] = now;
    this.start[v] = now;
    this.alive++;
    return v;
  }

  free(v: number): void {
    this.next[v] = this.freeHead;
    this.freeHead = v;
    this.alive--;
  }

  private grow(): void {
    const n = this.station.length * 2;
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.station = i32(this.station);
    this.req = i32(this.req);
    this.parent = i32(this.parent);
    this.next = i32(this.next);
    this.route = i32(this.route);
    this.pending = i32(this.pending);
    this.arrive = f64(this.arrive);
    this.start = f64(this.start);
  }
}
