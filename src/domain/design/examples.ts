import type { Design } from './schema.ts';
import { DESIGN_FORMAT, DESIGN_VERSION } from './schema.ts';

/** A small, complete design to explore the canvas with before drawing your own. */
export function exampleDesign(): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'Example: image classification API',
    description: 'Clients upload images; the API checks a cache of recent results, then a GPU model server with dynamic batching.',
    workload: { rps: 400, peakFactor: 2, payloadKb: 120, p99BudgetMs: 150 },
    nodes: [
      { id: 'client-1', kind: 'client', label: 'Mobile app', position: { x: 0, y: 80 } },
      { id: 'load-balancer-1', kind: 'load-balancer', position: { x: 260, y: 80 } },
      { id: 'api-gateway-1', kind: 'api-gateway', label: 'Classify API', replicas: 2, position: { x: 520, y: 80 } },
      { id: 'cache-1', kind: 'cache', label: 'Result cache', position: { x: 780, y: 0 } },
      { id: 'model-server-1', kind: 'model-server', label: 'ResNet-50 on T4', replicas: 2, params: { model: 'resnet50', hardware: 'T4', stack: 'triton+tensorrt', precision: 'fp16', maxBatch: 32, batchWindowMs: 2, instances: 1 }, position: { x: 1040, y: 0 } },
      { id: 'logging-1', kind: 'logging', label: 'Prediction log', position: { x: 780, y: 170 } },
      { id: 'drift-detector-1', kind: 'drift-detector', replicas: 2, position: { x: 1040, y: 170 } },
    ],
    edges: [
      { from: 'client-1', to: 'load-balancer-1' },
      { from: 'load-balancer-1', to: 'api-gateway-1' },
      { from: 'api-gateway-1', to: 'cache-1' },
      { from: 'cache-1', to: 'model-server-1', hitRatio: 0.2 },
      { from: 'api-gateway-1', to: 'logging-1' },
      { from: 'logging-1', to: 'drift-detector-1' },
    ],
  };
}
