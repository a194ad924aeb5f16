import type { Design, DesignEdge, DesignNode, Workload } from '../../../src/domain/design/schema.ts';
import { designSchema } from '../../../src/domain/design/schema.ts';

/** Build a schema-valid design for tests (parsing it catches a malformed fixture early). */
export function design(nodes: DesignNode[], edges: DesignEdge[], workload: Workload = { rps: 100 }): Design {
  return designSchema.parse({ format: 'mlsd-design', version: 1, name: 'test', workload, nodes, edges });
}

/** client → lb → api → (cache → db on misses), api → model server, api → logging (async). */
export function serving(workload: Workload = { rps: 200, peakFactor: 2 }): Design {
  return design(
    [
      { id: 'client', kind: 'client' },
      { id: 'lb', kind: 'load-balancer' },
      { id: 'api', kind: 'api-gateway', replicas: 2 },
      { id: 'cache', kind: 'cache' },
      { id: 'db', kind: 'database', replicas: 2, params: { serviceMs: 2, concurrency: 8 } },
      { id: 'model', kind: 'model-server', replicas: 2, params: { model: 'bert-base', hardware: 'T4', stack: 'triton+tensorrt', precision: 'fp16', maxBatch: 16 } },
      { id: 'log', kind: 'logging' },
      { id: 'train', kind: 'training-cluster' },
    ],
    [
      { from: 'client', to: 'lb' },
      { from: 'lb', to: 'api' },
      { from: 'api', to: 'cache' },
      { from: 'cache', to: 'db', hitRatio: 0.8 },
      { from: 'api', to: 'model' },
      { from: 'api', to: 'log' },
      { from: 'log', to: 'train' },
    ],
    workload,
  );
}

/** A 200-node tree: a client, then fan-outs, caches and model servers, generated deterministically. */
export function bigDesign(n = 200): Design {
  const kinds = ['api-gateway', 'cache', 'database', 'feature-store-online', 'vector-index', 'model-server', 'logging', 'metrics'];
  const nodes: DesignNode[] = [{ id: 'c', kind: 'client' }];
  const edges: DesignEdge[] = [];
  for (let i = 0; i < n - 1; i++) {
    const kind = kinds[i % kinds.length]!;
    nodes.push({ id: `n${i}`, kind, replicas: 4, ...(kind === 'model-server' ? { params: { model: 'bert-base', hardware: 'T4' } } : {}) });
    edges.push({ from: i < 3 ? 'c' : `n${Math.floor((i - 3) / 3)}`, to: `n${i}`, ...(i % 7 === 0 ? { callsPerRequest: 3 } : {}), ...(i % 5 === 0 ? { hitRatio: 0.5 } : {}) });
  }
  return design(nodes, edges, { rps: 50, p99BudgetMs: 2000 });
}
