/**
 * transformer: post-LN encoder blocks on a [batch, S, D] input, written out op by op as exporters do:
 * MatMul projections, Reshape/Transpose to heads, QKᵀ, the 1/√d scaling Mul, Softmax, ·V, output
 * projection, residual Add, LayerNormalization (opset 17), and an FFN with erf-GELU as separate ops.
 */
import type { GraphBuilder } from '../../domain/onnx/build.ts';
import { DataType } from '../../domain/onnx/types.ts';
import { builderFor, finishModel, suiteId } from './assemble.ts';
import { dense } from './layers.ts';
import type { DenseOptions } from './layers.ts';
import type { BuiltModel, SuiteFamilyModule, SuitePrecision, SuiteSize, SuiteSpec } from './types.ts';

export interface TransformerConfig {
  seq: number;
  dModel: number;
  heads: number;
  ffn: number;
  layers: number;
}

export const TRANSFORMER_SIZES: Record<SuiteSize, TransformerConfig> = {
  s: { seq: 64, dModel: 128, heads: 4, ffn: 512, layers: 2 },
  m: { seq: 128, dModel: 256, heads: 4, ffn: 1024, layers: 2 },
  l: { seq: 128, dModel: 384, heads: 6, ffn: 1536, layers: 3 },
};

function describe(c: TransformerConfig): string {
  return `S=${c.seq} D=${c.dModel} H=${c.heads} F=${c.ffn} L=${c.layers}`;
}

function spec(size: SuiteSize, precision: SuitePrecision): SuiteSpec {
  const c = TRANSFORMER_SIZES[size];
  const q = precision === 'int8' ? ' Linear layers in int8 with dynamic activation quantization (MatMulInteger); attention stays fp32.' : '';
  return {
    id: suiteId('transformer', size, precision),
    family: 'transformer',
    size,
    precision,
    label: `Transformer ${size.toUpperCase()} ${describe(c)}${precision === 'int8' ? ' int8' : ''}`,
    description: `${c.layers} BERT-style encoder blocks (multi-head attention, LayerNorm, GELU FFN) over ${c.seq} tokens of width ${c.dModel}.${q}`,
  };
}

/** x·0.5·(1 + erf(x/√2)) as PyTorch exports it: Div, Erf, Add, Mul, Mul. */
function gelu(g: GraphBuilder, x: string): string {
  const e = g.unary('Erf', g.binary('Div', x, g.scalar(Math.SQRT2)));
  return g.mul(g.mul(x, g.add(e, g.scalar(1))), g.scalar(0.5));
}

function layerNorm(g: GraphBuilder, x: string, d: number): string {
  return g.layerNorm(x, g.floatTensor('ln_gamma', [d], new Float32Array(d).fill(1)), g.floatTensor('ln_beta', [d], new Float32Array(d)));
}

function encoderBlock(g: GraphBuilder, x: string, c: TransformerConfig, precision: SuitePrecision): string {
  const d = c.dModel;
  const dh = d / c.heads;
  const lin = (inF: number): DenseOptions => ({ precision, weightScale: 1 / Math.sqrt(inF), biasScale: 0.02 });
  // quantize_dynamic quantizes the shared input of Q, K and V once.
  const shared = precision === 'int8' ? { ...lin(d), quantizedInput: g.dynamicQuantizeLinear(x) } : lin(d);
  const q = dense(g, x, d, d, shared);
  const k = dense(g, x, d, d, shared);
  const v = dense(g, x, d, d, shared);
  const heads = (t: string, perm: number[]) => g.transpose(g.reshape(t, [0, 0, c.heads, dh]), perm);
  const qh = heads(q, [0, 2, 1, 3]); // [B, H, S, dh]
  const kt = heads(k, [0, 2, 3, 1]); // [B, H, dh, S]
  const vh = heads(v, [0, 2, 1, 3]);
  const scores = g.mul(g.matMul(qh, kt), g.scalar(Math.fround(1 / Math.sqrt(dh))));
  const ctx = g.matMul(g.softmax(scores, -1), vh); // [B, H, S, dh]
  const merged = g.reshape(g.transpose(ctx, [0, 2, 1, 3]), [0, 0, d]);
  const attn = dense(g, merged, d, d, lin(d));
  const h1 = layerNorm(g, g.add(attn, x), d);
  const f1 = gelu(g, dense(g, h1, d, c.ffn, lin(d)));
  const f2 = dense(g, f1, c.ffn, d, lin(c.ffn));
  return layerNorm(g, g.add(f2, h1), d);
}

function build(s: SuiteSpec): BuiltModel {
  const c = TRANSFORMER_SIZES[s.size];
  const g = builderFor(s);
  const shape = ['batch' as const, c.seq, c.dModel];
  let h = g.input('x', DataType.FLOAT, shape);
  for (let l = 0; l < c.layers; l++) h = encoderBlock(g, h, c, s.precision);
  g.output(h);
  return finishModel(s, g, [{ name: 'x', dtype: 'float32', shape }]);
}

export const transformerFamily: SuiteFamilyModule = {
  specs: () => (['s', 'm', 'l'] as const).flatMap((size) => [spec(size, 'fp32'), spec(size, 'int8')]),
  build,
};
