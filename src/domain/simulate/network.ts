/**
 * The queueing network that both the analytic engine (src/domain/capacity) and the discrete-event simulator
 * (src/domain/simulate) work on. The capacity engine builds it from a Design (`toNetwork`), so both see the
 * same stations, rates and routing, and their answers can be compared number for number.
 *
 * Request semantics (shared by both):
 * - Requests enter at the entry stations at `arrivalRps` in total, split by `share`.
 * - A visit to a station: wait in its queue, get served, then call its children in `routes` order.
 *   Children reached through different routes are called one after another (their times add).
 *   A route with `calls` = k:
 *     k <= 1: the child is called once with probability k (e.g. cache misses when k = 1 - hitRatio);
 *     k > 1:  floor(k) parallel calls (+1 more with probability k - floor(k)); the caller waits for the
 *             slowest one (fan-out, tail amplification).
 * - A station with `sync: false` (logging, metrics, async consumers) is visited and loaded, but the caller does
 *   not wait for it: it adds nothing to the caller's response time.
 * - The response time of a request is the response time of its entry visit (which includes its children).
 * - Routing must be acyclic (the engine drops back edges before building the network and says so).
 */
export interface SimStation {
  id: string;
  /** Parallel servers: replicas × concurrency (× instances for model servers). */
  servers: number;
  /** Service time of one request at one server (non-batching stations). */
  service: { meanMs: number; cv: number };
  /**
   * Dynamic batching (model servers): a free server takes up to maxBatch waiting requests; if fewer than
   * maxBatch are waiting it may wait up to windowMs for more. A batch of B takes aMs + bMs·B (deterministic).
   * When present, `service` is ignored.
   * (Simulator: the window counts from the arrival of the oldest waiting request, like Triton's
   * max_queue_delay, so a backlog older than windowMs is batched at once.)
   */
  batching?: { aMs: number; bMs: number; maxBatch: number; windowMs: number };
  /** Does the caller wait for this station? */
  sync: boolean;
}

export interface SimRoute {
  from: string;
  to: string;
  /** Expected calls per visit of `from`, after cache hits are removed (see semantics above). */
  calls: number;
}

export interface SimNetwork {
  stations: SimStation[];
  routes: SimRoute[];
  entries: { station: string; share: number }[];
  arrivalRps: number;
  /** Poisson arrivals (ca = 1) or a bursty renewal process with the given inter-arrival CV. */
  arrival: { kind: 'poisson' } | { kind: 'bursty'; cv: number };
}
