import { queueMetrics } from '../../domain/capacity/index.ts';
import { num, parse } from '../args.ts';
import type { Command } from '../command.ts';
import { fmt, json, keyValues } from '../format.ts';

export const queueCommand: Command = {
  name: 'queue',
  summary: 'M/M/c and G/G/c queue: utilisation, P(wait), mean and p99 wait and response',
  usage: `Usage: mlsd queue --servers C --arrival-rps L --service-ms S [--service-cv X] [--arrival-cv Y] [--json]

  --servers       parallel servers c (whole number ≥ 1)
  --arrival-rps   arrival rate λ in requests/s
  --service-ms    mean service time S in ms
  --service-cv    coefficient of variation of service time (0 = deterministic, 1 = exponential; default 1)
  --arrival-cv    coefficient of variation of inter-arrival times (1 = Poisson; default 1)

Erlang C gives P(wait); Allen–Cunneen scales the wait by (Ca² + Cs²)/2. Saturated (ρ ≥ 1) latencies print as
unbounded (null in JSON).

Example: mlsd queue --servers 10 --arrival-rps 900 --service-ms 10`,
  run(args, io) {
    const { values } = parse(args, {
      servers: { type: 'string' }, 'arrival-rps': { type: 'string' }, 'service-ms': { type: 'string' },
      'service-cv': { type: 'string' }, 'arrival-cv': { type: 'string' },
    });
    if (values.help) return io.out(`${this.usage}\n`), 0;
    const q = queueMetrics({
      servers: num(values, 'servers', { required: true, integer: true, min: 1, max: 10_000_000 }),
      arrivalRps: num(values, 'arrival-rps', { required: true, min: 0 }),
      serviceMs: num(values, 'service-ms', { required: true, above: 0 }),
      serviceCv: num(values, 'service-cv', { min: 0, max: 10 }) ?? 1,
      arrivalCv: num(values, 'arrival-cv', { min: 0, max: 10 }) ?? 1,
    });
    const out = {
      utilization: q.utilization, saturated: q.saturated, probWait: q.probWait, meanWaitMs: q.meanWaitMs, p99WaitMs: q.p99WaitMs,
      meanResponseMs: q.meanResponseMs, p50ResponseMs: q.p50ResponseMs, p99ResponseMs: q.p99ResponseMs, maxRps: q.maxRps,
    };
    if (values.json) io.out(json(out));
    else {
      io.out(keyValues([
        ['utilisation ρ', `${fmt(q.utilization, 4)}${q.saturated ? '  (saturated: ρ ≥ 1)' : ''}`],
        ['P(wait)', fmt(q.probWait, 4)],
        ['mean wait', `${fmt(q.meanWaitMs)} ms`],
        ['p99 wait', `${fmt(q.p99WaitMs)} ms`],
        ['mean response', `${fmt(q.meanResponseMs)} ms`],
        ['p50 response', `${fmt(q.p50ResponseMs)} ms`],
        ['p99 response', `${fmt(q.p99ResponseMs)} ms`],
        ['max throughput', `${fmt(q.maxRps)} req/s (ρ = 1)`],
      ]));
    }
    return 0;
  },
};
