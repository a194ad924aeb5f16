import { describe, expect, it } from 'vitest';
import { inferShapes, resolveInputs } from '../../../src/domain/calibration/flops/index.ts';
import { runProfiled } from './ortProfile.ts';
import { fileBytes, loadModel, REAL_MODELS } from './realModels.ts';

/**
 * Ground truth for shape inference: onnxruntime-node runs each real model with graph optimisations off, so every
 * node of the file executes as itself, and its profile records each node's output shapes.
 */
describe('inferred shapes match onnxruntime, node by node', () => {
  for (const m of REAL_MODELS) {
    const batches = m.inputs.some(([, , s]) => s.length > 0 && typeof s[0] !== 'number') ? [1, 2] : [1];
    for (const batch of batches) {
      it(`${m.id} at batch ${batch}`, async () => {
        const model = loadModel(m.path);
        const opts = { batch, shapes: batch === 2 ? (m.batch2Shapes ?? m.shapes) : m.shapes };
        const inference = inferShapes(model, opts);
        const ort = await runProfiled(fileBytes(m.path), resolveInputs(model, opts), 'disabled', m.int64Value);

        // Every graph output, exactly.
        model.graph.outputs.forEach((o, i) => expect(inference.outputs[i]?.shape, o.name).toEqual(ort.outputs[o.name]));

        // Every profiled node that has a unique name in the file.
        const ours = new Map<string, (number[] | undefined)[]>();
        const seen = new Set<string>();
        for (const n of inference.nodes) {
          if (seen.has(n.name)) ours.delete(n.name);
          else ours.set(n.name, n.outputs);
          seen.add(n.name);
        }
        const mismatches: string[] = [];
        let compared = 0;
        for (const p of ort.nodes) {
          const mine = ours.get(p.name);
          if (!mine) continue;
          compared++;
          const got = mine.slice(0, p.outputs.length);
          if (JSON.stringify(got) !== JSON.stringify(p.outputs)) mismatches.push(`${p.name} (${p.op}): ort ${JSON.stringify(p.outputs)}, inferred ${JSON.stringify(got)}`);
        }
        expect(mismatches).toEqual([]);
        expect(compared).toBe(ort.nodes.length);
        expect(inference.warnings.filter((w) => /cannot infer|not produced|failed inference/.test(w))).toEqual([]);
      });
    }
  }
});
