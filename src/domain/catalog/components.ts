import { SRC, type Source } from './sources.ts';

export type Stage = 'ingestion' | 'storage' | 'training' | 'serving' | 'monitoring';

/**
 * How a component takes part in a request:
 * - source: generates the workload (clients); no queue.
 * - sync: on the request path; its latency adds to the end-to-end time.
 * - async: receives traffic (so it can saturate and costs money) but the caller does not wait for it.
 * - offline: runs on its own schedule (training, batch); only cost applies.
 */
export type FlowRole = 'source' | 'sync' | 'async' | 'offline';

export interface ComponentDefaults {
  /** Mean service time per request at one server, in ms. */
  serviceMs: number;
  /** Coefficient of variation of service time (0 = deterministic, 1 = exponential). */
  serviceCv: number;
  /** Requests served in parallel by one replica. */
  concurrency: number;
  /** Price of one replica per hour in USD. */
  costPerHourUsd: number;
  /** Probability one replica is up (for k-of-n availability). */
  availability: number;
}

export type DefaultKey = keyof ComponentDefaults;

export interface ComponentKind {
  kind: string;
  label: string;
  stage: Stage;
  role: FlowRole;
  /** Short glyph shown on the canvas; plain text so it renders everywhere. */
  glyph: string;
  description: string;
  /** Tools people usually mean by this box; used for search and Mermaid import. */
  aliases: readonly string[];
  /** True for model servers: they take model, hardware, stack, precision and batching params. */
  servesModel?: boolean;
  defaults: ComponentDefaults;
  sources: Partial<Record<DefaultKey, Source>>;
}

const C6I_LARGE = 0.085;
const C6I_XLARGE = 0.17;
const C6I_4XLARGE = 0.68;
const G4DN_XLARGE = 0.526;

function kind(k: ComponentKind): ComponentKind {
  return k;
}

const priceNote = (instance: string): Source => ({ ...SRC.skypilotAws, label: `${instance}: ${SRC.skypilotAws.label}` });
const est = SRC.estimate;
const A3 = 0.999;

export const COMPONENT_KINDS: readonly ComponentKind[] = [
  // ── ingestion ─────────────────────────────────────────────────────────────
  kind({ kind: 'client', label: 'Clients', stage: 'ingestion', role: 'source', glyph: '☺', description: 'Where requests come from: users, devices or upstream services. Its load is the design workload.', aliases: ['user', 'users', 'client', 'app', 'browser', 'mobile'], defaults: { serviceMs: 0, serviceCv: 0, concurrency: 1, costPerHourUsd: 0, availability: 1 }, sources: {} }),
  kind({ kind: 'api-gateway', label: 'API gateway', stage: 'ingestion', role: 'sync', glyph: '⇄', description: 'Authenticates, rate-limits and routes requests to services.', aliases: ['api', 'gateway', 'api gateway', 'rest api', 'backend'], defaults: { serviceMs: 1, serviceCv: 0.8, concurrency: 256, costPerHourUsd: C6I_XLARGE, availability: A3 }, sources: { serviceMs: est, concurrency: est, costPerHourUsd: priceNote('c6i.xlarge'), availability: est } }),
  kind({ kind: 'load-balancer', label: 'Load balancer', stage: 'ingestion', role: 'sync', glyph: '⚖', description: 'Spreads traffic across replicas of the next tier.', aliases: ['lb', 'load balancer', 'alb', 'nlb', 'nginx', 'envoy'], defaults: { serviceMs: 0.5, serviceCv: 0.5, concurrency: 10000, costPerHourUsd: C6I_LARGE, availability: 0.9999 }, sources: { serviceMs: est, concurrency: est, costPerHourUsd: priceNote('c6i.large'), availability: est } }),
  kind({ kind: 'queue', label: 'Kafka / queue', stage: 'ingestion', role: 'sync', glyph: '☰', description: 'Durable log or message queue between producers and consumers (Kafka, Kinesis, Pub/Sub, SQS).', aliases: ['kafka', 'queue', 'kinesis', 'pubsub', 'sqs', 'rabbitmq', 'event bus'], defaults: { serviceMs: 2, serviceCv: 1, concurrency: 64, costPerHourUsd: C6I_XLARGE, availability: A3 }, sources: { serviceMs: SRC.kafkaConfluent, concurrency: est, costPerHourUsd: priceNote('c6i.xlarge'), availability: est } }),
  kind({ kind: 'stream-processor', label: 'Stream processor', stage: 'ingestion', role: 'sync', glyph: '≋', description: 'Continuous computation over events: windows, joins, features (Spark Streaming, Flink).', aliases: ['flink', 'spark streaming', 'stream processor', 'streaming', 'kafka streams', 'beam'], defaults: { serviceMs: 5, serviceCv: 1, concurrency: 16, costPerHourUsd: C6I_4XLARGE, availability: A3 }, sources: { serviceMs: est, concurrency: est, costPerHourUsd: priceNote('c6i.4xlarge'), availability: est } }),
  kind({ kind: 'batch-job', label: 'Batch job (Spark)', stage: 'ingestion', role: 'offline', glyph: '▦', description: 'Scheduled large-scale processing: ETL, backfills, batch scoring (Spark, Dataflow).', aliases: ['spark', 'batch', 'etl', 'batch job', 'dataflow', 'emr'], defaults: { serviceMs: 60000, serviceCv: 0.5, concurrency: 1, costPerHourUsd: C6I_4XLARGE, availability: 0.99 }, sources: { costPerHourUsd: priceNote('c6i.4xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'scheduler', label: 'Scheduler', stage: 'ingestion', role: 'offline', glyph: '◷', description: 'Orchestrates pipelines on a schedule or trigger (Airflow, Prefect, Dagster).', aliases: ['airflow', 'prefect', 'dagster', 'scheduler', 'orchestrator', 'cron'], defaults: { serviceMs: 100, serviceCv: 1, concurrency: 8, costPerHourUsd: C6I_LARGE, availability: 0.99 }, sources: { costPerHourUsd: priceNote('c6i.large'), serviceMs: est, availability: est } }),
  // ── storage ───────────────────────────────────────────────────────────────
  kind({ kind: 'object-store', label: 'Object store', stage: 'storage', role: 'sync', glyph: '▣', description: 'Blobs: raw data, images, model artefacts (S3, GCS).', aliases: ['s3', 'gcs', 'object store', 'blob', 'blob storage', 'data lake'], defaults: { serviceMs: 20, serviceCv: 1, concurrency: 1000, costPerHourUsd: 0, availability: 0.9999 }, sources: { serviceMs: est, concurrency: est, availability: est } }),
  kind({ kind: 'data-warehouse', label: 'Data warehouse', stage: 'storage', role: 'offline', glyph: '▤', description: 'Analytical store for training data and reporting (BigQuery, Snowflake, Redshift).', aliases: ['warehouse', 'bigquery', 'snowflake', 'redshift', 'hive', 'data warehouse'], defaults: { serviceMs: 2000, serviceCv: 1, concurrency: 32, costPerHourUsd: C6I_4XLARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.4xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'database', label: 'Postgres', stage: 'storage', role: 'sync', glyph: '⛁', description: 'Transactional database for metadata, users, labels (Postgres, MySQL).', aliases: ['postgres', 'postgresql', 'mysql', 'database', 'db', 'sql', 'rds'], defaults: { serviceMs: 1, serviceCv: 1, concurrency: 16, costPerHourUsd: C6I_XLARGE, availability: A3 }, sources: { serviceMs: est, concurrency: est, costPerHourUsd: priceNote('c6i.xlarge'), availability: est } }),
  kind({ kind: 'cache', label: 'Redis cache', stage: 'storage', role: 'sync', glyph: '⚡', description: 'In-memory cache in front of slower tiers; set the hit ratio on its outgoing edge.', aliases: ['redis', 'cache', 'memcached', 'elasticache'], defaults: { serviceMs: 0.15, serviceCv: 0.3, concurrency: 32, costPerHourUsd: C6I_LARGE, availability: A3 }, sources: { serviceMs: SRC.redisBench, concurrency: SRC.redisBench, costPerHourUsd: priceNote('c6i.large'), availability: est } }),
  kind({ kind: 'vector-index', label: 'Vector index', stage: 'storage', role: 'sync', glyph: '✶', description: 'Approximate nearest-neighbour search over embeddings (FAISS, ScaNN, Milvus, pgvector).', aliases: ['faiss', 'vector db', 'vector index', 'ann', 'milvus', 'pinecone', 'scann', 'pgvector', 'weaviate'], defaults: { serviceMs: 3, serviceCv: 0.5, concurrency: 16, costPerHourUsd: C6I_4XLARGE, availability: A3 }, sources: { serviceMs: est, concurrency: est, costPerHourUsd: priceNote('c6i.4xlarge'), availability: est } }),
  kind({ kind: 'feature-store-online', label: 'Feature store (online)', stage: 'storage', role: 'sync', glyph: '◈', description: 'Low-latency feature reads at serving time (Feast on Redis, Tecton).', aliases: ['feature store', 'online feature store', 'feast', 'tecton', 'online features'], defaults: { serviceMs: 1, serviceCv: 0.6, concurrency: 64, costPerHourUsd: C6I_XLARGE, availability: A3 }, sources: { serviceMs: SRC.feastRedis, concurrency: est, costPerHourUsd: priceNote('c6i.xlarge'), availability: est } }),
  kind({ kind: 'feature-store-offline', label: 'Feature store (offline)', stage: 'storage', role: 'offline', glyph: '◇', description: 'Point-in-time correct feature history for training.', aliases: ['offline feature store', 'offline features'], defaults: { serviceMs: 1000, serviceCv: 1, concurrency: 16, costPerHourUsd: C6I_XLARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'data-versioning', label: 'Data versioning', stage: 'storage', role: 'offline', glyph: '⎇', description: 'Versioned datasets and lineage (DVC, lakeFS, Delta).', aliases: ['dvc', 'lakefs', 'delta', 'data versioning', 'iceberg'], defaults: { serviceMs: 100, serviceCv: 1, concurrency: 8, costPerHourUsd: C6I_LARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.large'), serviceMs: est, availability: est } }),
  // ── training ──────────────────────────────────────────────────────────────
  kind({ kind: 'training-cluster', label: 'Training cluster', stage: 'training', role: 'offline', glyph: '⚙', description: 'GPU nodes training models with DDP or FSDP.', aliases: ['training', 'trainer', 'training cluster', 'ddp', 'fsdp', 'gpu cluster'], defaults: { serviceMs: 3600000, serviceCv: 0.2, concurrency: 1, costPerHourUsd: 32.7726, availability: 0.99 }, sources: { costPerHourUsd: priceNote('p4d.24xlarge (8× A100-40GB)'), serviceMs: est, availability: est } }),
  kind({ kind: 'hpo', label: 'Hyper-parameter tuning', stage: 'training', role: 'offline', glyph: '⚗', description: 'Search over training configurations (Optuna, Ray Tune, Katib).', aliases: ['hpo', 'optuna', 'ray tune', 'tuning', 'hyperparameter'], defaults: { serviceMs: 3600000, serviceCv: 0.5, concurrency: 4, costPerHourUsd: G4DN_XLARGE, availability: 0.99 }, sources: { costPerHourUsd: priceNote('g4dn.xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'model-registry', label: 'Model registry', stage: 'training', role: 'offline', glyph: '⎔', description: 'Versioned models with stage and lineage (MLflow, SageMaker registry).', aliases: ['mlflow', 'model registry', 'registry'], defaults: { serviceMs: 50, serviceCv: 1, concurrency: 8, costPerHourUsd: C6I_LARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.large'), serviceMs: est, availability: est } }),
  // ── serving ───────────────────────────────────────────────────────────────
  kind({ kind: 'model-server', label: 'Model server', stage: 'serving', role: 'sync', glyph: '◉', servesModel: true, description: 'Runs a model with dynamic batching on a chosen GPU or CPU (Triton, TorchServe, TF Serving).', aliases: ['model server', 'triton', 'torchserve', 'tf serving', 'inference', 'model', 'predictor', 'classifier', 'scorer'], defaults: { serviceMs: 5, serviceCv: 0.05, concurrency: 1, costPerHourUsd: G4DN_XLARGE, availability: A3 }, sources: { serviceMs: SRC.tritonOverhead, costPerHourUsd: priceNote('g4dn.xlarge (1× T4)'), availability: est } }),
  kind({ kind: 'embedding-service', label: 'Embedding service', stage: 'serving', role: 'sync', glyph: '⇶', servesModel: true, description: 'Turns queries or items into vectors (two-tower, sentence encoders).', aliases: ['embedding', 'embeddings', 'encoder', 'embedding service', 'two-tower'], defaults: { serviceMs: 3, serviceCv: 0.05, concurrency: 1, costPerHourUsd: G4DN_XLARGE, availability: A3 }, sources: { costPerHourUsd: priceNote('g4dn.xlarge (1× T4)'), serviceMs: est, availability: est } }),
  kind({ kind: 'ranking-service', label: 'Ranking service', stage: 'serving', role: 'sync', glyph: '↧', servesModel: true, description: 'Scores and orders candidates with a heavier model.', aliases: ['ranker', 'ranking', 'ranking service', 'reranker', 're-ranker'], defaults: { serviceMs: 8, serviceCv: 0.05, concurrency: 1, costPerHourUsd: G4DN_XLARGE, availability: A3 }, sources: { costPerHourUsd: priceNote('g4dn.xlarge (1× T4)'), serviceMs: est, availability: est } }),
  kind({ kind: 'ab-router', label: 'A/B router / canary', stage: 'serving', role: 'sync', glyph: '⎈', description: 'Splits traffic between model versions for experiments and safe rollout.', aliases: ['ab', 'a/b', 'canary', 'router', 'experiment', 'traffic split'], defaults: { serviceMs: 0.3, serviceCv: 0.5, concurrency: 512, costPerHourUsd: C6I_LARGE, availability: A3 }, sources: { costPerHourUsd: priceNote('c6i.large'), serviceMs: est, availability: est } }),
  kind({ kind: 'autoscaler', label: 'Autoscaler', stage: 'serving', role: 'offline', glyph: '⤢', description: 'Adds or removes replicas from load signals (HPA, KEDA).', aliases: ['autoscaler', 'hpa', 'keda', 'autoscaling'], defaults: { serviceMs: 1000, serviceCv: 1, concurrency: 1, costPerHourUsd: 0, availability: 0.999 }, sources: { serviceMs: est, availability: est } }),
  kind({ kind: 'serverless', label: 'Serverless function', stage: 'serving', role: 'sync', glyph: 'λ', description: 'Per-request functions (Lambda, Cloud Run); watch cold starts.', aliases: ['lambda', 'serverless', 'cloud function', 'cloud run', 'function'], defaults: { serviceMs: 20, serviceCv: 1.5, concurrency: 1000, costPerHourUsd: 0, availability: 0.9995 }, sources: { serviceMs: est, concurrency: est, availability: est } }),
  // ── monitoring ────────────────────────────────────────────────────────────
  kind({ kind: 'metrics', label: 'Metrics', stage: 'monitoring', role: 'async', glyph: '↗', description: 'Time series of latency, traffic, errors and model scores (Prometheus, Grafana).', aliases: ['prometheus', 'grafana', 'metrics', 'monitoring', 'datadog'], defaults: { serviceMs: 0.2, serviceCv: 1, concurrency: 64, costPerHourUsd: C6I_XLARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'logging', label: 'Logging', stage: 'monitoring', role: 'async', glyph: '✎', description: 'Request and prediction logs for debugging and future training data.', aliases: ['logging', 'logs', 'elk', 'elasticsearch', 'loki', 'prediction log'], defaults: { serviceMs: 0.5, serviceCv: 1, concurrency: 64, costPerHourUsd: C6I_XLARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'drift-detector', label: 'Drift detector', stage: 'monitoring', role: 'async', glyph: '≈', description: 'Compares live feature and prediction distributions with training (PSI, KS); triggers retraining.', aliases: ['drift', 'drift detector', 'data drift', 'evidently', 'model monitoring'], defaults: { serviceMs: 2, serviceCv: 1, concurrency: 8, costPerHourUsd: C6I_XLARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.xlarge'), serviceMs: est, availability: est } }),
  kind({ kind: 'alerting', label: 'Alerting', stage: 'monitoring', role: 'async', glyph: '⚠', description: 'Pages people when SLOs or model metrics break (Alertmanager, PagerDuty).', aliases: ['alerting', 'alerts', 'pagerduty', 'alertmanager', 'on-call'], defaults: { serviceMs: 1, serviceCv: 1, concurrency: 16, costPerHourUsd: C6I_LARGE, availability: 0.999 }, sources: { costPerHourUsd: priceNote('c6i.large'), serviceMs: est, availability: est } }),
  kind({ kind: 'human-review', label: 'Human review queue', stage: 'monitoring', role: 'async', glyph: '⚑', description: 'People label or check uncertain cases; feeds labels back into training.', aliases: ['human review', 'labeling', 'annotation', 'moderators', 'review queue', 'human in the loop'], defaults: { serviceMs: 30000, serviceCv: 1, concurrency: 10, costPerHourUsd: 0, availability: 0.99 }, sources: { serviceMs: est, availability: est } }),
];

const BY_KIND = new Map(COMPONENT_KINDS.map((k) => [k.kind, k]));

export const STAGES: readonly { id: Stage; label: string }[] = [
  { id: 'ingestion', label: 'Ingestion' },
  { id: 'storage', label: 'Storage' },
  { id: 'training', label: 'Training' },
  { id: 'serving', label: 'Serving' },
  { id: 'monitoring', label: 'Monitoring' },
];

export function getKind(kind: string): ComponentKind | undefined {
  return BY_KIND.get(kind);
}

export function isKnownKind(kind: string): boolean {
  return BY_KIND.has(kind);
}

export function kindsByStage(stage: Stage): ComponentKind[] {
  return COMPONENT_KINDS.filter((k) => k.stage === stage);
}
