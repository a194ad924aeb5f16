import { readFileSync } from 'node:fs';
import { readScenario } from '../../../src/domain/scenario/format.ts';
import type { Scenario } from '../../../src/domain/scenario/schema.ts';
import type { Design } from '../../../src/domain/design/schema.ts';

export function anomalyScenario(): Scenario {
  const r = readScenario(JSON.parse(readFileSync('scenarios/anomaly-detection.scenario.json', 'utf8')));
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export function designOf(kinds: string[], extra: Partial<Design> = {}): Design {
  return {
    format: 'mlsd-design',
    version: 1,
    name: 'Candidate',
    workload: { rps: 10 },
    nodes: kinds.map((kind, i) => ({ id: `n${i}`, kind })),
    edges: kinds.slice(1).map((_, i) => ({ from: `n${i}`, to: `n${i + 1}` })),
    ...extra,
  };
}
