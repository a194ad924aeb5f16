import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/domain/design/schema.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';

/** Hand-written flowcharts of the kind found in READMEs, plus one of our own exports. */
const FIXTURES = new URL('../../fixtures/mermaid/', import.meta.url);

function load(file: string): { design: Design; warnings: string[] } {
  const r = mermaidToDesign(readFileSync(new URL(file, FIXTURES), 'utf8'));
  if (!r.ok) throw new Error(`${file} line ${r.line}: ${r.message}`);
  return r;
}

const kinds = (d: Design) => Object.fromEntries(d.nodes.map((n) => [n.id, n.kind]));
const labels = (d: Design) => Object.fromEntries(d.nodes.map((n) => [n.id, n.label]));
const edgeLabels = (d: Design) => Object.fromEntries(d.edges.filter((e) => e.label).map((e) => [`${e.from}>${e.to}`, e.label]));
const pairs = (d: Design) => d.edges.map((e) => `${e.from}>${e.to}`);

interface Case {
  file: string;
  nodes: number;
  edges: number;
  kinds: Record<string, string>;
  check?: (r: { design: Design; warnings: string[] }) => void;
}

const CASES: Case[] = [
  {
    file: 'recsys-readme.mmd', nodes: 12, edges: 11,
    kinds: { U: 'client', GW: 'api-gateway', VDB: 'vector-index', FS: 'feature-store-online', DW: 'data-warehouse', TRAIN: 'training-cluster', REG: 'model-registry', RANK: 'ranking-service', LOG: 'logging', MLF: 'model-registry' },
    check: ({ design, warnings }) => {
      expect(edgeLabels(design)).toEqual({ 'U>GW': 'HTTP request', 'CG>VDB': 'ANN lookup', 'REG>RANK': 'deploy' });
      expect(pairs(design)).toContain('REC>CG');
      expect(pairs(design)).toContain('CG>RANK');
      // Plain words inside a stage-named subgraph fall back to that stage's usual component, and say so.
      expect(kinds(design).CG).toBe('model-server');
      expect(warnings.some((w) => /^line 6: "Candidate generation" imported as Model server .*"Online serving" group/.test(w))).toBe(true);
    },
  },
  {
    file: 'fraud-detection.mmd', nodes: 10, edges: 10,
    kinds: { kafka: 'queue', flink: 'stream-processor', pg: 'database', model: 'model-server', review: 'human-review', api: 'api-gateway' },
    check: ({ design, warnings }) => {
      expect(labels(design).kafka).toBe('Kafka topic: "payments"');
      expect(labels(design).pg).toBe('Postgres DB #1');
      expect(labels(design).api).toBe('Scoring API & rules');
      expect(edgeLabels(design)).toEqual({ 'decision>review': 'yes | block', 'decision>approve': 'no' });
      expect(warnings).toContain('line 13: "Approve" matches no known component; imported as API gateway (api-gateway)');
    },
  },
  {
    file: 'rag-pipeline.mmd', nodes: 9, edges: 9,
    kinds: { docs: 'object-store', embedder: 'embedding-service', vdb: 'vector-index', reranker: 'ranking-service', llm: 'model-server', user: 'client', gateway: 'api-gateway', prom: 'metrics' },
    check: ({ design }) => {
      expect(edgeLabels(design)).toEqual({ 'docs>embedder': 'chunk & embed', 'embedder>vdb': 'write vectors', 'user>gateway': 'question', 'retriever>vdb': 'top-k', 'reranker>llm': 'context', 'llm>gateway': 'answer' });
      // "API gateway" is the kind's own name, so the node needs no label of its own.
      expect(labels(design).gateway).toBeUndefined();
    },
  },
  {
    file: 'feature-store-arrows.mmd', nodes: 9, edges: 8,
    kinds: { batch: 'batch-job', offline: 'feature-store-offline', online: 'feature-store-online', stream: 'stream-processor', cache: 'cache', server: 'model-server', drift: 'drift-detector', alert: 'alerting', dvc: 'data-versioning' },
    check: ({ design, warnings }) => {
      expect(pairs(design)).toEqual(['batch>offline', 'offline>online', 'stream>online', 'online>cache', 'cache>server', 'server>drift', 'drift>alert', 'batch>dvc']);
      expect(warnings).toEqual(['line 5: two-way link imported one way, "online" → "cache"', 'line 10: second link "stream" → "online" merged into the first']);
    },
  },
  {
    file: 'training-platform.mmd', nodes: 10, edges: 9,
    kinds: { sched: 'scheduler', etl: 'batch-job', lake: 'object-store', trainer: 'training-cluster', hpo: 'hpo', trainer2: 'training-cluster', registry: 'model-registry', canary: 'ab-router', lambda: 'serverless', auto: 'autoscaler' },
    check: ({ design, warnings }) => {
      expect(warnings.filter((w) => w.includes('click'))).toEqual(['line 12: "click" ignored: interactions are not imported', 'line 13: "click" ignored: interactions are not imported']);
      expect(JSON.stringify(design)).not.toMatch(/example\.com|alert\(/);
    },
  },
  {
    file: 'ads-ctr.mmd', nodes: 6, edges: 5,
    kinds: { app: 'client', lb: 'load-balancer', ctr: 'model-server', fs: 'feature-store-online', logs: 'logging', labeling: 'human-review' },
    check: ({ design }) => {
      expect(design.name).toBe('Ads CTR prediction');
      expect(labels(design)).toMatchObject({ app: 'Mobile app\nusers', lb: 'NGINX\nload balancer', ctr: 'CTR model (TF Serving)', fs: 'Feast online\nfeatures', logs: 'Elasticsearch <logs>' });
      expect(edgeLabels(design)).toEqual({ 'ctr>logs': 'log & label' });
    },
  },
  {
    file: 'search-ranking.mmd', nodes: 8, edges: 10,
    kinds: { web: 'client', mobile: 'client', gw: 'api-gateway', ranking: 'ranking-service', fs: 'feature-store-online', cache: 'cache', index: 'vector-index' },
    check: ({ design }) => {
      expect(pairs(design).slice(0, 8)).toEqual(['web>gw', 'mobile>gw', 'gw>retrieval', 'gw>ranking', 'retrieval>fs', 'retrieval>cache', 'ranking>fs', 'ranking>cache']);
    },
  },
  {
    file: 'architecture.mmd', nodes: 5, edges: 4,
    kinds: { users: 'client', queue: 'queue', db: 'database', blobs: 'object-store', scorer: 'model-server' },
    check: ({ design, warnings }) => {
      expect(pairs(design)).toEqual(['users>queue', 'queue>scorer', 'scorer>db', 'blobs>db']);
      expect(warnings).toEqual(['line 16: edge "blobs" → "hub" goes through a junction; junctions are not imported']);
    },
  },
  {
    file: 'content-moderation.mmd', nodes: 7, edges: 6,
    kinds: { classifier: 'model-server', review: 'human-review', s3: 'object-store', labels: 'database', audit: 'logging', upload: 'api-gateway' },
    check: ({ design, warnings }) => {
      expect(labels(design)).toMatchObject({ upload: 'Upload service', s3: 'S3 bucket', labels: 'Label DB' });
      expect(warnings).toEqual(expect.arrayContaining([
        'line 9: link from "review" to itself skipped',
        'line 10: second link "classifier" → "review" merged into the first',
        'line 11: link "classifier" → "ghost_group" skipped: "ghost_group" is a subgraph, and links to subgraphs are not imported',
      ]));
    },
  },
  {
    file: 'streaming-anomaly.mmd', nodes: 6, edges: 6,
    kinds: { B: 'queue', C: 'stream-processor', D: 'database', F: 'alerting' },
    check: ({ design }) => {
      expect(edgeLabels(design)).toEqual({ 'E>F': 'yes', 'E>D': 'no' });
    },
  },
  {
    file: 'llm-serving.mmd', nodes: 9, edges: 10,
    kinds: { client: 'client', router: 'ab-router', kv: 'cache', emb: 'embedding-service', vec: 'vector-index', hpa: 'autoscaler', grafana: 'metrics' },
    check: ({ design }) => {
      expect(labels(design).client).toBe('Chat users');
      expect(design.nodes.map((n) => n.id)).not.toContain('e1');
      expect(pairs(design)).toContain('router>v2');
    },
  },
  {
    file: 'churn-crlf.mmd', nodes: 5, edges: 5,
    kinds: { crm: 'database', events: 'database', fe: 'training-cluster', xgb: 'training-cluster', batch: 'batch-job' },
    check: ({ warnings }) => {
      expect(warnings).toEqual([
        'line 5: "Clickstream events" imported as Postgres (database), the usual component of its "Data" group',
        'line 9: "Feature pipeline" imported as Training cluster (training-cluster), the usual component of its "Training" group',
      ]);
    },
  },
  {
    file: 'mlsd-export.mmd', nodes: 22, edges: 26,
    kinds: { end: 'logging', 'class-1': 'drift-detector', etl: 'batch-job', train: 'training-cluster', userfeat: 'feature-store-online', ranker: 'ranking-service', kafka: 'queue' },
    check: ({ design, warnings }) => {
      expect(warnings).toEqual([]);
      expect(design.name).toBe('Recommender (reference design)');
      expect(labels(design)).toMatchObject({ end: 'Click log: "impressions" | clicks', 'class-1': 'Drift <PSI> & KS', kafka: 'Kafka: user events' });
      expect(design.edges.find((e) => e.from === 'feedcache')).toEqual({ from: 'feedcache', to: 'router', hitRatio: 0.3, label: '30% served from cache' });
      expect(design.edges.find((e) => e.from === 'end')).toEqual({ from: 'end', to: 'class-1', callsPerRequest: 0.1 });
      expect(design.edges.find((e) => e.to === 'end')).toEqual({ from: 'app', to: 'end', label: 'async #events' });
    },
  },
];

describe('importing the fixture corpus', () => {
  it('covers every fixture file', () => {
    expect(CASES.map((c) => c.file).sort()).toEqual(readdirSync(FIXTURES).filter((f) => f.endsWith('.mmd')).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES)('$file: $nodes nodes, $edges edges, kinds as named', (c) => {
    const r = load(c.file);
    expect(r.design.nodes).toHaveLength(c.nodes);
    expect(r.design.edges).toHaveLength(c.edges);
    expect(kinds(r.design)).toMatchObject(c.kinds);
    expect(r.design.nodes.every((n) => n.position && Number.isFinite(n.position.x))).toBe(true);
    c.check?.(r);
  });
});
