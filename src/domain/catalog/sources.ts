/** Where a catalog number comes from. `verified: false` marks estimates nobody has checked against a source. */
export interface Source {
  label: string;
  url?: string;
  verified: boolean;
}

export const SRC = {
  skypilotAws: {
    label: 'AWS us-east-1 on-demand price, SkyPilot catalog catalogs/v5/aws/vms.csv (commit 001367d2)',
    url: 'https://github.com/skypilot-org/skypilot-catalog',
    verified: true,
  },
  redisBench: {
    label: 'redis-benchmark GET on loopback: p50 0.151 ms, p99 0.207 ms at 194.5k req/s with 50 clients',
    verified: true,
  },
  feastRedis: {
    label: 'feast.dev "Serving features in milliseconds" (2022): online reads < 1.5 ms p99 on Redis',
    url: 'https://feast.dev/blog/',
    verified: true,
  },
  kafkaConfluent: {
    label: 'Confluent "Benchmarking Apache Kafka, Apache Pulsar, and RabbitMQ": Kafka p99 5 ms at 200 MB/s',
    url: 'https://www.confluent.io/blog/kafka-fastest-messaging-system/',
    verified: true,
  },
  tritonOverhead: {
    label: 'Triton perf_client example: 10 µs overhead + 39 µs queue per request',
    url: 'https://docs.nvidia.com/deeplearning/triton-inference-server/',
    verified: true,
  },
  pgbench: {
    label: 'pgbench TPC-B-like run: 10 clients, 11.0 ms average per write transaction',
    verified: true,
  },
  // ── capacity engine: hardware, models, stacks ─────────────────────────────
  llmAnalysis: {
    label: 'cli99/llm-analysis llm_analysis/gpu_configs/*.json (snapshot d841e40): dense peak TFLOP/s and memory bandwidth',
    url: 'https://github.com/cli99/llm-analysis',
    verified: true,
  },
  llmAnalysisEfficiency: {
    label: 'cli99/llm-analysis README: flops efficiency up to 0.7 for inference, 0.9 memory efficiency is an aggressive target',
    url: 'https://github.com/cli99/llm-analysis',
    verified: true,
  },
  gpuSpecThirdParty: {
    label: 'Third-party spec pages (hmc-tech.com, topcpu.net) restating the NVIDIA datasheet; datasheet itself not read',
    verified: true,
  },
  torchvision: {
    label: 'pytorch.org torchvision model pages: the "GFLOPS" column is multiply-accumulates (GMACs); num_params',
    url: 'https://pytorch.org/vision/stable/models.html',
    verified: true,
  },
  openvinoMobilenet: {
    label: 'OpenVINO Open Model Zoo mobilenet-v2-pytorch: 0.615 GFLOPs (confirms torchvision counts MACs)',
    url: 'https://docs.openvino.ai/',
    verified: true,
  },
  bertShapes: {
    label: 'NVIDIA/TensorRT demo/BERT/README.md model table: BERT-Base 12×768 (110M), BERT-Large 24×1024 (330M), FFN 4×hidden',
    url: 'https://github.com/NVIDIA/TensorRT/tree/main/demo/BERT',
    verified: true,
  },
  tinyllamaConfig: {
    label: 'TinyLlama-1.1B config.json: hidden 2048, 22 layers, 32 heads, 4 KV heads, FFN 5632, vocab 32000',
    url: 'https://huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0',
    verified: true,
  },
  trtBertTables: {
    label: 'NVIDIA/TensorRT demo/BERT/README.md results (commit 007c347: A100-40GB/T4; stored version 768d994: L4), FP16 average latency per batch',
    url: 'https://github.com/NVIDIA/TensorRT/tree/main/demo/BERT',
    verified: true,
  },
  tritonResnet50: {
    label: 'NVIDIA/DeepLearningExamples PyTorch/Classification/ConvNets/triton/resnet50/README.md: Triton + ONNX Runtime-TensorRT FP16, offline and online tables',
    url: 'https://github.com/NVIDIA/DeepLearningExamples',
    verified: true,
  },
  tritonBertLarge: {
    label: 'NVIDIA/DeepLearningExamples PyTorch/LanguageModeling/BERT/triton/large/README.md: Triton offline tables, seq 384, FP16',
    url: 'https://github.com/NVIDIA/DeepLearningExamples',
    verified: true,
  },
  tritonDist6l: {
    label: 'NVIDIA/DeepLearningExamples PyTorch/LanguageModeling/BERT/triton/dist6l/README.md: Triton offline tables, 6-layer 768-hidden BERT, seq 384, FP16',
    url: 'https://github.com/NVIDIA/DeepLearningExamples',
    verified: true,
  },
  dlrmConfig: {
    label: 'NVIDIA/DeepLearningExamples PyTorch/Recommendation/DLRM config: bottom MLP, 26 categorical embeddings of width 128, top MLP (MACs derived)',
    url: 'https://github.com/NVIDIA/DeepLearningExamples',
    verified: true,
  },
  intelAvx512: {
    label: 'Derived: Ice Lake core = 2 AVX-512 FMA units × 16 FP32 lanes × 2 FLOPs per cycle at ~3.5 GHz; 1 core = 2 vCPUs (from memory, unverified)',
    verified: false,
  },
  fromMemory: {
    label: 'From memory, not checked against a source: replace with a measurement or a datasheet',
    verified: false,
  },
  estimate: {
    label: 'Engineering estimate (not from a measured source): replace with your own measurement',
    verified: false,
  },
} as const satisfies Record<string, Source>;
