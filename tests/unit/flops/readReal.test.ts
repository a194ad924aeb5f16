import { describe, expect, it } from 'vitest';
import { readModel } from '../../../src/domain/onnx/read.ts';
import type { Graph, Tensor } from '../../../src/domain/onnx/types.ts';
import { fileBytes, REAL_MODELS } from './realModels.ts';

function countOps(g: Graph): Record<string, number> {
  const ops: Record<string, number> = {};
  for (const n of g.nodes) ops[n.opType] = (ops[n.opType] ?? 0) + 1;
  return ops;
}

function allGraphs(g: Graph): Graph[] {
  return [g, ...g.nodes.flatMap((n) => Object.values(n.attributes).flatMap((a) => (a.kind === 'graph' ? allGraphs(a.value) : [])))];
}

describe('readModel on real exported models', () => {
  for (const m of REAL_MODELS) {
    it(`${m.id}: structure, inputs and outputs`, () => {
      const r = readModel(fileBytes(m.path));
      if (!r.ok) throw new Error(r.error);
      const { graph } = r.model;
      expect(r.model.producerName).toBe(m.producer);
      expect(r.model.opsets[0]).toEqual({ domain: '', version: m.opset });
      expect(graph.nodes.length).toBe(m.nodes);
      expect(graph.initializers.length).toBe(m.initializers);
      expect(graph.inputs.map((v) => [v.name, v.elemType, v.shape])).toEqual(m.inputs);
      expect(graph.outputs.map((v) => [v.name, v.shape])).toEqual(m.outputs);
      const ops = countOps(graph);
      for (const [op, n] of Object.entries(m.ops)) expect(ops[op], op).toBe(n);
      // Every tensor's bytes match its dims and type (weights decoded whole, nothing cut short).
      for (const g of allGraphs(graph)) {
        const tensors: Tensor[] = [...g.initializers, ...g.nodes.flatMap((n) => (n.attributes.value?.kind === 'tensor' ? [n.attributes.value.value] : []))];
        for (const t of tensors) {
          const size = { 1: 4, 6: 4, 7: 8, 9: 1, 11: 8 }[t.dataType as 1] ?? 0;
          if (size) expect(t.raw.length, t.name).toBe(t.dims.reduce((a, b) => a * b, 1) * size);
        }
      }
    });
  }

  it('Silero legacy: the 16 kHz and 8 kHz branches and their LSTMs are read from the If subgraphs', () => {
    const m = readModel(fileBytes(REAL_MODELS[0]!.path));
    if (!m.ok) throw new Error(m.error);
    const ifNode = m.model.graph.nodes[1]!;
    expect(ifNode.opType).toBe('If');
    const thenB = ifNode.attributes.then_branch;
    const elseB = ifNode.attributes.else_branch;
    if (thenB?.kind !== 'graph' || elseB?.kind !== 'graph') throw new Error('If without branches');
    expect(thenB.value.nodes.length).toBeGreaterThan(50);
    const lstms = allGraphs(thenB.value).flatMap((g) => g.nodes.filter((n) => n.opType === 'LSTM'));
    expect(lstms.length).toBe(4);
    expect(lstms[0]!.attributes.hidden_size).toEqual({ kind: 'int', value: 64 });
    const w = m.model.graph.initializers[0]!;
    expect(w.name).toBe('model.feature_extractor.forward_basis_buffer');
    expect(w.dims).toEqual([258, 1, 256]);
  });

  it('PaddleOCR rec (10.8 MB): reads fast and keeps weights as views of the file, not copies', () => {
    const bytes = fileBytes(REAL_MODELS.find((m) => m.id === 'ppocr_v4_rec')!.path);
    const t0 = performance.now();
    const r = readModel(bytes);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error);
    expect(ms).toBeLessThan(1000);
    const first = r.model.graph.nodes.find((n) => n.attributes.value?.kind === 'tensor' && n.attributes.value.value.dims.length === 4)!.attributes.value;
    if (first?.kind !== 'tensor') throw new Error('no constant');
    expect(first.value.dims).toEqual([16, 3, 3, 3]);
    expect(first.value.raw.buffer).toBe(bytes.buffer);
    const weights = r.model.graph.nodes.reduce((s, n) => s + (n.attributes.value?.kind === 'tensor' ? n.attributes.value.value.raw.length : 0), 0);
    expect(weights).toBeGreaterThan(10_000_000);
  });

  it('embedding_model: tf2onnx int64 shape initializers decode to the right values', () => {
    const r = readModel(fileBytes(REAL_MODELS.find((m) => m.id === 'embedding_model')!.path));
    if (!r.ok) throw new Error(r.error);
    const shapes = r.model.graph.initializers.filter((t) => t.dataType === 7);
    const values = shapes.map((t) => {
      const v = new DataView(t.raw.buffer, t.raw.byteOffset, t.raw.byteLength);
      return [t.name, t.dims, [0, 1, 2, 3].map((i) => Number(v.getBigInt64(i * 8, true)))];
    });
    expect(values).toEqual([
      ['new_shape__273', [4], [-1, 1, 1, 96]],
      ['new_shape__262', [4], [-1, 1, 76, 32]],
    ]);
  });
});
