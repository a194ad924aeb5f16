/**
 * tfjs versions of suite families, described as layer lists so the FLOPs come from the same description that
 * builds the model. Counted with the suite's conventions (multiply-add = 2, bias and activations 1 per element,
 * softmax 3 per element, max-pool one per window element).
 */

export type TfLayer =
  | { type: 'dense'; units: number; activation: 'relu' | 'softmax' | 'linear' }
  | { type: 'conv'; filters: number; kernel: number; activation: 'relu' }
  | { type: 'maxpool' }
  | { type: 'flatten' }
  | { type: 'embedding'; vocab: number; dim: number };

export interface TfSpec {
  id: string;
  family: 'mlp' | 'cnn' | 'recommender';
  label: string;
  /** Per-sample input shape (NHWC for images, [ids] for embeddings). */
  inputShape: number[];
  inputKind: 'float32' | 'ids';
  layers: TfLayer[];
}

export const TF_SPECS: TfSpec[] = [
  { id: 'tfjs-mlp-s', family: 'mlp', label: 'MLP 256→512→512→10 (tfjs)', inputShape: [256], inputKind: 'float32', layers: [{ type: 'dense', units: 512, activation: 'relu' }, { type: 'dense', units: 512, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  { id: 'tfjs-mlp-m', family: 'mlp', label: 'MLP 784→1024→1024→10 (tfjs)', inputShape: [784], inputKind: 'float32', layers: [{ type: 'dense', units: 1024, activation: 'relu' }, { type: 'dense', units: 1024, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  { id: 'tfjs-cnn-s', family: 'cnn', label: 'CNN 32×32×3, 32-64-128 (tfjs)', inputShape: [32, 32, 3], inputKind: 'float32', layers: [{ type: 'conv', filters: 32, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'conv', filters: 64, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'conv', filters: 128, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  { id: 'tfjs-cnn-m', family: 'cnn', label: 'CNN 64×64×3, 16-32-64-64 (tfjs)', inputShape: [64, 64, 3], inputKind: 'float32', layers: [{ type: 'conv', filters: 16, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'conv', filters: 32, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'conv', filters: 64, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'conv', filters: 64, kernel: 3, activation: 'relu' }, { type: 'maxpool' }, { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  { id: 'tfjs-rec-s', family: 'recommender', label: 'Embedding 10k×64 on 8 ids → 256 → 64 (tfjs)', inputShape: [8], inputKind: 'ids', layers: [{ type: 'embedding', vocab: 10_000, dim: 64 }, { type: 'flatten' }, { type: 'dense', units: 256, activation: 'relu' }, { type: 'dense', units: 64, activation: 'linear' }] },
];

export interface TfCost {
  flopsPerSample: number;
  paramsBytes: number;
  activationBytesPerSample: number;
}

/** Exact analytic cost of one sample through the layer list ('same' 3×3 convs, 2×2 max-pools with stride 2). */
export function tfCost(spec: TfSpec): TfCost {
  let shape = [...spec.inputShape];
  let flops = 0;
  let params = 0;
  let act = 0;
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  for (const l of spec.layers) {
    if (l.type === 'dense') {
      const inF = size(shape);
      const out = l.units;
      flops += 2 * inF * out + out; // matmul + bias
      act += out;
      if (l.activation !== 'linear') {
        flops += (l.activation === 'softmax' ? 3 : 1) * out;
        act += out;
      }
      params += inF * out + out;
      shape = [out];
    } else if (l.type === 'conv') {
      const [h, w, c] = shape as [number, number, number];
      const out = h * w * l.filters;
      flops += 2 * out * c * l.kernel * l.kernel + out + out; // conv + bias + relu
      act += 2 * out;
      params += l.kernel * l.kernel * c * l.filters + l.filters;
      shape = [h, w, l.filters];
    } else if (l.type === 'maxpool') {
      const [h, w, c] = shape as [number, number, number];
      shape = [Math.floor(h / 2), Math.floor(w / 2), c];
      flops += size(shape) * 4;
      act += size(shape);
    } else if (l.type === 'flatten') {
      shape = [size(shape)];
    } else {
      params += l.vocab * l.dim;
      shape = [...shape, l.dim];
      act += size(shape);
    }
  }
  return { flopsPerSample: flops, paramsBytes: params * 4, activationBytesPerSample: act * 4 };
}

export const tfSpec = (id: string): TfSpec | undefined => TF_SPECS.find((s) => s.id === id);
