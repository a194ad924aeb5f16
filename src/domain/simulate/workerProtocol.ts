import type { SimNetwork } from './network.ts';
import { buildResult } from './result.ts';
import { createSimulation } from './simulate.ts';
import type { Simulation } from './simulation.ts';
import type { SimResult, SimRunOptions } from './types.ts';

/**
 * Messages between the app and the simulation worker, and the worker's message handler as a plain function
 * (worker.ts only wires it to `self`), so the protocol is tested in Node without a Worker.
 */
export type SimJobId = string | number;

export type SimWorkerRequest =
  | { type: 'run'; id: SimJobId; network: SimNetwork; opts: SimRunOptions }
  | { type: 'cancel'; id: SimJobId };

export type SimWorkerReply =
  | { type: 'progress'; id: SimJobId; fraction: number }
  | { type: 'done'; id: SimJobId; result: SimResult }
  /** A bad network or options, a crash, or `message: 'cancelled'` after a cancel. */
  | { type: 'error'; id: SimJobId; message: string };

export const CANCELLED = 'cancelled';

export interface SimHostOptions {
  /** Run the next slice later, letting messages (a cancel) in between; default setTimeout(fn, 0). */
  defer?: (fn: () => void) => void;
  /** Work per slice before yielding, in ms of wall time (default 40). */
  sliceMs?: number;
  /** Progress is posted only when it moved by at least this much (default 0.01: at most ~100 messages). */
  progressStep?: number;
}

/** The events one `step` call processes between wall-clock checks. */
const STEP_EVENTS = 32_768;

export function createSimHost(post: (reply: SimWorkerReply) => void, options: SimHostOptions = {}): (msg: SimWorkerRequest) => void {
  const defer = options.defer ?? ((fn: () => void) => void setTimeout(fn, 0));
  const sliceMs = options.sliceMs ?? 40;
  const progressStep = options.progressStep ?? 0.01;
  const jobs = new Map<SimJobId, { sim: Simulation; cancelled: boolean; lastFraction: number; t0: number }>();

  const fail = (id: SimJobId, e: unknown): void => {
    jobs.delete(id);
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  };

  const slice = (id: SimJobId): void => {
    const job = jobs.get(id);
    if (!job) return;
    if (job.cancelled) return fail(id, CANCELLED);
    try {
      const until = performance.now() + sliceMs;
      let done = false;
      do done = job.sim.step(STEP_EVENTS);
      while (!done && performance.now() < until);
      if (done) {
        jobs.delete(id);
        post({ type: 'done', id, result: { ...buildResult(job.sim), wallMs: performance.now() - job.t0 } });
        return;
      }
      const fraction = job.sim.progress();
      if (fraction - job.lastFraction >= progressStep) {
        job.lastFraction = fraction;
        post({ type: 'progress', id, fraction });
      }
      defer(() => slice(id));
    } catch (e) {
      fail(id, e);
    }
  };

  return (msg) => {
    if (msg.type === 'cancel') {
      const job = jobs.get(msg.id);
      if (job) job.cancelled = true;
      return;
    }
    if (msg.type !== 'run') return;
    if (jobs.has(msg.id)) {
      post({ type: 'error', id: msg.id, message: `a run with id ${String(msg.id)} is already going` });
      return;
    }
    try {
      const t0 = performance.now();
      jobs.set(msg.id, { sim: createSimulation(msg.network, msg.opts), cancelled: false, lastFraction: 0, t0 });
    } catch (e) {
      return fail(msg.id, e);
    }
    defer(() => slice(msg.id));
  };
}
