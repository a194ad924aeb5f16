/** Options and results of the discrete-event simulator (see simulate.ts). Times are in ms, rates per second. */

export interface SimOptions {
  /** Seed of the PRNG: the same seed and network give the same result, event for event. */
  seed: number;
  /** Requests measured after the warm-up (default 100 000). */
  requests?: number;
  /** Requests simulated first and not measured, so the queues reach steady state (default max(10 %, 1000)). */
  warmupRequests?: number;
  /** Hard cap on processed events; the run stops with `stopped: 'max-events'` (default from the visit count). */
  maxEvents?: number;
  /** Called now and then with the fraction of arrivals generated so far (0..1). */
  onProgress?: (fraction: number) => void;
  /** Checked between slices of events; when it turns true the run stops with `stopped: 'aborted'`. */
  signal?: { aborted: boolean };
}

/** The options that can travel in a worker message (no callbacks). */
export type SimRunOptions = Omit<SimOptions, 'onProgress' | 'signal'>;

export interface LatencySummary {
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Latency fields are NaN where nothing was measured (a station no request reached, a run stopped early). */
export interface StationResult {
  /** Visits of measured requests to this station. */
  arrivals: number;
  /** Those visits per second of the measurement window. */
  arrivalRps: number;
  /**
   * Time-average fraction of busy servers over the window (batchers: of time instances run a batch, which is ~1
   * for a busy but stable batcher; 0 for an infinite-server station).
   */
  utilization: number;
  /** Mean time in the queue before service (or before the batch starts). */
  meanWaitMs: number;
  /** Mean local response time: wait + own service. Children are not included (the end-to-end time has them). */
  meanResponseMs: number;
  p50ResponseMs: number;
  p99ResponseMs: number;
  /** Time-average number of visits at the station (waiting + in service), for Little's law L = λW. */
  meanInSystem: number;
  /** Batching stations only: mean and largest batch started during the window. */
  meanBatch?: number;
  maxBatchObserved?: number;
}

export interface SimResult {
  /** Measured requests that completed. */
  requests: number;
  /** Events processed (external arrivals, service and batch completions, batching-window timers). */
  events: number;
  /** Simulated clock at the end. */
  simulatedMs: number;
  /** Response time of the entry visit, children included. */
  endToEnd: LatencySummary;
  stations: Record<string, StationResult>;
  /** Stations whose queue kept growing, or that run at ≥ 99 % of their capacity: latency there is unbounded. */
  saturated: string[];
  /** Why the run ended before all measured requests completed; absent when it ran to completion. */
  stopped?: 'saturated' | 'max-events' | 'aborted';
  wallMs?: number;
}
