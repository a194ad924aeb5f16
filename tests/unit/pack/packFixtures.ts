import { readFileSync } from 'node:fs';

/** Fresh copies each call, so a test can mutate what it gets. */
export const readJsonFile = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

export const STARTER_PATH = 'packs/ml-interview-starter.mlsd-pack.json';
export const V1_PATH = 'tests/fixtures/pack/pack.v1.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary paths of raw JSON
export type Raw = any;

export const starterRaw = (): Raw => readJsonFile(STARTER_PATH);
export const scenarioRaw = (id: string): Raw => readJsonFile(`scenarios/${id}.scenario.json`);
export const templateText = (id: string): string => readFileSync(`templates/${id}.md`, 'utf8');

export const smallDesign = (name = 'Tiny scoring API', scenarioId?: string): Raw => ({
  format: 'mlsd-design',
  version: 1,
  name,
  ...(scenarioId !== undefined ? { scenarioId } : {}),
  workload: { rps: 100 },
  nodes: [
    { id: 'api', kind: 'api-gateway' },
    { id: 'model', kind: 'model-server' },
  ],
  edges: [{ from: 'api', to: 'model' }],
});

/** The smallest valid version 2 pack: one design. */
export const minimalPack = (): Raw => ({ format: 'mlsd-pack', version: 2, id: 'tiny', title: 'Tiny', scenarios: [], designs: [smallDesign()] });
