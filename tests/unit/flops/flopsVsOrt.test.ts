import { describe, expect, it } from 'vitest';
import { countFlops, inferShapes, resolveInputs } from '../../../src/domain/calibration/flops/index.ts';
import type { Graph, Model, Node } from '../../../src/domain/onnx/types.ts';
import { runProfiled, type ProfiledNode } from './ortProfile.ts';
import { fileBytes, loadModel, REAL_MODELS } from './realModels.ts';

const numel = (s: number[]) => s.reduce((a, b) => a * b, 1);

function nodesByName(g: Graph, out = new Map<string, Node>()): Map<string, Node> {
  for (const n of g.nodes) {
    if (n.name) out.set(n.name, n);
    for (const a of Object.values(n.attributes)) if (a.kind === 'graph') nodesByName(a.value, out);
  }
  return out;
}

/** Weight dims by tensor name (ORT leaves pre-packed weights out of the profile). */
function weightDims(m: Model): Map<string, number[]> {
  const dims = new Map<string, number[]>();
  for (const t of m.graph.initializers) dims.set(t.name, t.dims);
  for (const n of m.graph.nodes) if (n.opType === 'Constant' && n.attributes.value?.kind === 'tensor') dims.set(n.outputs[0]!, n.attributes.value.value.dims);
  return dims;
}

/**
 * An independent count from ORT's own shapes: 2·|out|·K for every profiled MatMul, Gemm and Conv (K from the
 * profiled input shapes), and 2·|in|·prod(W.shape[1:]) for ConvTranspose. Bias additions are left out.
 */
function profileGemmConvFlops(nodes: ProfiledNode[], model: Model): number {
  const byName = nodesByName(model.graph);
  const weights = weightDims(model);
  let total = 0;
  for (const p of nodes) {
    const out = p.outputs[0] ?? [];
    const node = byName.get(p.name);
    if (p.op === 'Conv') total += 2 * numel(out) * numel(p.inputs[1]!.slice(1));
    else if (p.op === 'MatMul') total += 2 * numel(out) * p.inputs[0]!.at(-1)!;
    else if (p.op === 'Gemm') {
      const transA = node?.attributes.transA?.kind === 'int' && node.attributes.transA.value === 1;
      total += 2 * numel(out) * (transA ? p.inputs[0]![0]! : p.inputs[0]![1]!);
    } else if (p.op === 'ConvTranspose') {
      const w = p.inputs[1] ?? weights.get(node!.inputs[1]!)!;
      total += 2 * numel(p.inputs[0]!) * numel(w.slice(1));
    }
  }
  return total;
}

/** Our count for the same ops, with the bias additions taken back out. */
function ourGemmConvFlops(model: Model, opts: { shapes?: Record<string, number[]> }): number {
  const inf = inferShapes(model, opts);
  const byName = nodesByName(model.graph);
  let total = 0;
  for (const r of inf.nodes) {
    if (!['Conv', 'MatMul', 'Gemm', 'ConvTranspose'].includes(r.opType)) continue;
    const hasBias = r.opType !== 'MatMul' && (byName.get(r.name)?.inputs[2] ?? '') !== '';
    total += r.flops - (hasBias ? numel(r.outputs[0]!) : 0);
  }
  return total;
}

const CASES = ['ppocr_v4_det', 'ppocr_v4_rec', 'ppocr_mobile_v2_cls', 'melspectrogram', 'embedding_model', 'timer_v0.1', 'silero_vad_legacy'];

describe('FLOPs of the GEMM/conv part agree with an independent count from the ORT profile', () => {
  for (const id of CASES) {
    const m = REAL_MODELS.find((x) => x.id === id)!;
    it(`${id}: unoptimised graph, same nodes: exact`, async () => {
      const model = loadModel(m.path);
      const ort = await runProfiled(fileBytes(m.path), resolveInputs(model, { shapes: m.shapes }), 'disabled', m.int64Value);
      const theirs = profileGemmConvFlops(ort.nodes, model);
      const ours = ourGemmConvFlops(model, { shapes: m.shapes });
      expect(theirs).toBeGreaterThan(0);
      expect(Math.abs(ours - theirs) / theirs).toBeLessThan(1e-12);
      // With biases, as countFlops reports them: still within 1%.
      const rep = countFlops(model, { shapes: m.shapes });
      const withBias = ['Conv', 'MatMul', 'Gemm', 'ConvTranspose'].reduce((s, k) => s + (rep.ops[k]?.flops ?? 0), 0);
      expect(Math.abs(withBias - theirs) / theirs).toBeLessThan(0.01);
    });
  }

  it('PaddleOCR det and rec after ORT basic optimisations (Conv+BN folded, constants folded): within 1%', async () => {
    for (const id of ['ppocr_v4_det', 'ppocr_v4_rec']) {
      const m = REAL_MODELS.find((x) => x.id === id)!;
      const model = loadModel(m.path);
      const ort = await runProfiled(fileBytes(m.path), resolveInputs(model, { shapes: m.shapes }), 'basic');
      const theirs = profileGemmConvFlops(ort.nodes, model);
      const ours = ourGemmConvFlops(model, { shapes: m.shapes });
      expect(Math.abs(ours - theirs) / theirs, id).toBeLessThan(0.01);
    }
  });
});
