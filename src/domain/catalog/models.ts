import { PRECISION_BYTES, type Precision, type Sourced } from './hardware.ts';
import { SRC, type Source } from './sources.ts';

/**
 * The model zoo. Convention: 1 multiply-accumulate (MAC) = 2 FLOPs. We store MACs because that is what
 * torchvision and most model cards print (their "GFLOPS" column is GMACs), and derive FLOPs = 2 × MACs.
 * A "sample" is one image, one sequence, one recommendation row, or (for the decoder) one generated token of one
 * sequence.
 */
export interface ModelSpec {
  id: string;
  label: string;
  family: 'cnn' | 'encoder' | 'mlp' | 'decoder';
  description: string;
  /** Weights read once per batch (the dense part; embedding tables are read per lookup instead). */
  params: Sourced;
  /** Present when the cost depends on a sequence length (tokens for encoders, context for the decoder). */
  seqLen?: { default: number; meaning: string };
  macs: (seqLen: number) => number;
  macsFormula: string;
  macsSource: Source;
  /** Activation elements written per sample (fused kernels read most back from cache, so counted once). */
  activationElements: (seqLen: number) => number;
  activationSource: Source;
  /** Extra bytes read per sample that do not scale with precision choice of the weights (KV cache, lookups). */
  extraBytesPerSample?: (seqLen: number, precision: Precision) => number;
  extraBytesNote?: string;
  /** Request payload per sample as sent by the client (fp32 pixels, int32 token ids, ...). */
  inputBytes: (seqLen: number) => number;
  /**
   * One row per sample (LLM decode): kernels are weight-streaming GEMVs, so the roofline's memory term already is
   * the weight pass and the stack's small-batch weight-pass cost does not apply.
   */
  streamsWeights?: boolean;
}

const derived = (label: string): Source => ({ label: `Derived: ${label}`, verified: true });
const estimate = (label: string): Source => ({ label: `Estimate: ${label}`, verified: false });

/** Encoder MACs per sequence: s·L·(4d² + 2d·d_ff) for the projections and FFN, + 2·L·s²·d for attention. */
function encoderMacs(L: number, d: number, dff: number) {
  return (s: number) => s * L * (4 * d * d + 2 * d * dff) + 2 * L * s * s * d;
}
/** Per token per layer: QKV (3d), context (d), FFN hidden (d_ff), two outputs (2d), plus h·s attention scores. */
function encoderActivations(L: number, d: number, dff: number, heads: number) {
  return (s: number) => s * L * (6 * d + dff + heads * s);
}
const tokenIds = (s: number) => 3 * s * 4; // input ids, segment ids, mask as int32
const image224 = () => 3 * 224 * 224 * 4; // fp32 RGB

// TinyLlama-1.1B shape: 22 layers, d 2048, 4 KV heads × 64 = 256, gated FFN 5632, vocab 32000 (untied head).
const DEC = { L: 22, d: 2048, kv: 256, ff: 5632, vocab: 32000 };
const decLayerParams = 2 * DEC.d * DEC.d + 2 * DEC.d * DEC.kv + 3 * DEC.d * DEC.ff;
const decParams = DEC.L * decLayerParams + 2 * DEC.vocab * DEC.d;

export const MODELS: readonly ModelSpec[] = [
  {
    id: 'resnet50', label: 'ResNet-50 v1.5 (224×224)', family: 'cnn',
    description: 'Image classification CNN; the standard serving benchmark.',
    params: { value: 25_557_032, source: SRC.torchvision },
    macs: () => 4.09e9, macsFormula: '4.09 GMACs per 224×224 image', macsSource: SRC.torchvision,
    activationElements: () => 11e6,
    activationSource: estimate('sum of ResNet-50 layer output shapes ≈ 9.3M elements + residual adds ≈ 11M'),
    inputBytes: image224,
  },
  {
    id: 'mobilenetv2', label: 'MobileNetV2 (224×224)', family: 'cnn',
    description: 'Small mobile image classifier (depthwise separable convolutions).',
    params: { value: 3_504_872, source: SRC.torchvision },
    macs: () => 0.3075e9, macsFormula: '0.615 GFLOPs = 0.3075 GMACs per image (torchvision rounds to 0.30 GMACs)',
    macsSource: SRC.openvinoMobilenet,
    activationElements: () => 6.5e6, activationSource: estimate('sum of MobileNetV2 expanded feature maps'),
    inputBytes: image224,
  },
  {
    id: 'bert-base', label: 'BERT-base (12 layers, 768)', family: 'encoder',
    description: 'Transformer encoder for classification, NER, QA and embeddings.',
    params: { value: 110e6, source: SRC.bertShapes },
    seqLen: { default: 128, meaning: 'tokens per sequence' },
    macs: encoderMacs(12, 768, 3072), macsFormula: 's·L·(4d² + 2d·d_ff) + 2·L·s²·d with L=12, d=768, d_ff=3072',
    macsSource: derived('encoder MAC count from the BERT-base shape (embeddings and softmax ignored)'),
    activationElements: encoderActivations(12, 768, 3072, 12), activationSource: estimate('s·L·(6d + d_ff + h·s)'),
    inputBytes: tokenIds,
  },
  {
    id: 'bert-large', label: 'BERT-large (24 layers, 1024)', family: 'encoder',
    description: 'Large transformer encoder (SQuAD QA in MLPerf).',
    params: { value: 330e6, source: SRC.bertShapes },
    seqLen: { default: 384, meaning: 'tokens per sequence' },
    macs: encoderMacs(24, 1024, 4096), macsFormula: 's·L·(4d² + 2d·d_ff) + 2·L·s²·d with L=24, d=1024, d_ff=4096',
    macsSource: derived('encoder MAC count from the BERT-large shape (embeddings and softmax ignored)'),
    activationElements: encoderActivations(24, 1024, 4096, 16), activationSource: estimate('s·L·(6d + d_ff + h·s)'),
    inputBytes: tokenIds,
  },
  {
    id: 'distilbert', label: 'DistilBERT (6 layers, 768)', family: 'encoder',
    description: 'Distilled 6-layer BERT: about half the cost of BERT-base.',
    params: { value: 66e6, source: derived('BERT-base embeddings (23.8M) + 6 layers × 7.1M') },
    seqLen: { default: 128, meaning: 'tokens per sequence' },
    macs: encoderMacs(6, 768, 3072), macsFormula: 's·L·(4d² + 2d·d_ff) + 2·L·s²·d with L=6, d=768, d_ff=3072',
    macsSource: derived('encoder MAC count from the 6-layer 768-hidden shape'),
    activationElements: encoderActivations(6, 768, 3072, 12), activationSource: estimate('s·L·(6d + d_ff + h·s)'),
    inputBytes: tokenIds,
  },
  {
    id: 'dlrm', label: 'DLRM (Criteo, 26 embeddings × 128)', family: 'mlp',
    description: 'Click-through-rate ranking model: embedding lookups + small MLPs; tiny FLOPs, so fixed per-batch costs dominate.',
    params: { value: 2.4e6, source: derived('dense MLP weights of the DLRM config (embedding tables excluded)') },
    macs: () => 2.41e6, macsFormula: 'bottom MLP 170k + interaction 351×128 + top MLP 2.19M MACs per sample',
    macsSource: SRC.dlrmConfig,
    activationElements: () => 4e3, activationSource: estimate('MLP layer widths summed'),
    extraBytesPerSample: () => 26 * 128 * 4, extraBytesNote: '26 embedding rows × 128 × 4 B (fp32 tables)',
    inputBytes: () => 13 * 4 + 26 * 4,
  },
  {
    id: 'two-tower', label: 'Two-tower retrieval (query tower)', family: 'mlp',
    description: 'Embeds a user/query for ANN retrieval: 16 embedding lookups × 64 + MLP 1024→512→256→128.',
    params: { value: 0.69e6, source: estimate('MLP 1024·512 + 512·256 + 256·128 weights') },
    macs: () => 1024 * 512 + 512 * 256 + 256 * 128, macsFormula: '1024·512 + 512·256 + 256·128 MACs per query',
    macsSource: estimate('a typical query tower shape, not a specific published model'),
    activationElements: () => 2e3, activationSource: estimate('MLP layer widths summed'),
    extraBytesPerSample: () => 16 * 64 * 4, extraBytesNote: '16 embedding rows × 64 × 4 B (fp32 tables)',
    inputBytes: () => 16 * 4 + 32 * 4,
  },
  {
    id: 'decoder-1b', label: 'Decoder LLM 1.1B (per generated token)', family: 'decoder',
    description: 'TinyLlama-1.1B shape; one sample = one decode step of one sequence. Memory-bound at small batch.',
    params: { value: decParams, source: SRC.tinyllamaConfig },
    seqLen: { default: 1024, meaning: 'context tokens already in the KV cache' },
    macs: (ctx) => decParams - DEC.vocab * DEC.d + 2 * DEC.L * ctx * DEC.d,
    macsFormula: 'weights (input embedding excluded) + 2·L·ctx·d for attention over the context',
    macsSource: derived('from the TinyLlama-1.1B config'),
    activationElements: () => DEC.L * (6 * DEC.d + 2 * DEC.ff), activationSource: estimate('per-layer hidden states of one token'),
    extraBytesPerSample: (ctx, p) => 2 * DEC.L * ctx * DEC.kv * PRECISION_BYTES[p],
    extraBytesNote: 'KV cache read per token: 2 · L · ctx · kv_dim · bytes',
    inputBytes: () => 64,
    streamsWeights: true,
  },
];

const BY_ID = new Map(MODELS.map((m) => [m.id.toLowerCase(), m]));

export function getModel(id: string): ModelSpec | undefined {
  return BY_ID.get(id.toLowerCase());
}

export const modelIds = (): string[] => MODELS.map((m) => m.id);

/** FLOPs per sample: 2 FLOPs per MAC. */
export function modelFlops(model: ModelSpec, seqLen?: number): number {
  return 2 * model.macs(seqLen ?? model.seqLen?.default ?? 1);
}
