// Capacity-engine figures: time to estimate a 200-node design (target < 5 ms so edits feel instant),
// and the discrete-event simulator's events per second. Runs the TypeScript domain code through tsx.
import { register } from 'tsx/esm/api';
import { percentile } from './stats.mjs';

register();
const { estimateDesign } = await import('../src/domain/capacity/index.ts');
const { eventsPerSecond } = await import('../src/domain/simulate/simulate.ts');

/** A 200-node request graph: 20 chains of 10 services behind one gateway, a cache and a model server in each. */
function design200() {
  const kinds = ['api-gateway', 'cache', 'feature-store-online', 'database', 'model-server', 'vector-index', 'queue', 'stream-processor', 'logging', 'ranking-service'];
  const nodes = [{ id: 'client', kind: 'client' }];
  const edges = [];
  for (let c = 0; c < 20; c++) {
    for (let i = 0; i < 10; i++) {
      const id = `n-${c}-${i}`;
      const kind = kinds[i];
      const node = { id, kind, replicas: 4 };
      if (kind === 'model-server' || kind === 'ranking-service') node.params = { model: 'bert-base', hardware: 'T4', maxBatch: 16 };
      nodes.push(node);
      edges.push({ from: i === 0 ? 'client' : `n-${c}-${i - 1}`, to: id, ...(kind === 'feature-store-online' ? { hitRatio: 0.5 } : {}) });
    }
  }
  nodes.pop(); // 200 nodes including the client
  edges.pop();
  return { format: 'mlsd-design', version: 1, name: 'bench 200', workload: { rps: 2000, p99BudgetMs: 500 }, nodes, edges };
}

export async function measureEstimate() {
  const d = design200();
  for (let i = 0; i < 50; i++) estimateDesign(d); // let the JIT settle, as in a long-lived tab
  const samples = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    estimateDesign(d);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const r = (x) => Math.round(x * 1000) / 1000;
  const p50 = r(percentile(samples, 50));
  return { nodes: d.nodes.length, edges: d.edges.length, runs: samples.length, p50Ms: p50, p95Ms: r(percentile(samples, 95)), maxMs: r(samples.at(-1)), targetMs: 5, withinTarget: p50 < 5 };
}

export async function measureSimulator() {
  eventsPerSecond(undefined, 50_000); // warm-up
  const runs = [1, 2, 3].map((seed) => eventsPerSecond(undefined, 300_000, seed));
  const best = runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  return { network: 'BENCH_NETWORK (gateway, cache, 4× fan-out, batching model, async log)', events: best.events, wallMs: Math.round(best.wallMs), eventsPerSecond: Math.round(best.perSecond), runs: runs.map((x) => Math.round(x.perSecond)) };
}
