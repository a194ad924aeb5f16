/**
 * Binary min-heap of (time, payload) events kept in two parallel typed arrays, so pushing and popping an event
 * allocates nothing (the arrays double when full). O(log n) per push and pop.
 */
export class EventQueue {
  private times: Float64Array;
  private payloads: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  /** Time of the earliest event; Infinity when empty. */
  topTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt <= time) break;
      times[i] = pt;
      payloads[i] = payloads[parent]!;
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  /** Remove the earliest event and return its payload (call only when size > 0). */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const top = payloads[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const t = times[n]!;
    const p = payloads[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = times[right]!;
        if (rt < ct) {
          child = right;
          ct = rt;
        }
      }
      if (ct >= t) break;
      times[i] = ct;
      payloads[i] = payloads[child]!;
      i = child;
    }
    times[i] = t;
    payloads[i] = p;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const payloads = new Int32Array(this.payloads.length * 2);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
