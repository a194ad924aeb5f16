/** Shared plumbing for the family builders: ids, seeds, and turning a finished graph into a BuiltModel. */
import { GraphBuilder } from '../../domain/onnx/build.ts';
import { writeModel } from '../../domain/onnx/write.ts';
import type { BuiltModel, SuiteFamily, SuiteInput, SuitePrecision, SuiteSize, SuiteSpec } from './types.ts';

export function suiteId(family: SuiteFamily, size: SuiteSize, precision: SuitePrecision): string {
  return precision === 'int8' ? `${family}-${size}-int8` : `${family}-${size}`;
}

/** FNV-1a of a string: a stable 32-bit seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A builder seeded by family and size only, so the fp32 and int8 variants of a model draw the same float
 * weights (the int8 one then quantizes them) and their outputs are comparable.
 */
export function builderFor(spec: SuiteSpec): GraphBuilder {
  return new GraphBuilder(spec.id, { seed: hashSeed(`${spec.family}-${spec.size}`) });
}

export function finishModel(spec: SuiteSpec, g: GraphBuilder, inputs: SuiteInput[]): BuiltModel {
  const { model, counts } = g.build();
  return {
    spec,
    model,
    bytes: writeModel(model),
    inputs,
    flopsPerSample: counts.flopsPerSample,
    fixedFlops: counts.fixedFlops,
    paramsBytes: counts.paramsBytes,
    activationBytesPerSample: counts.activationBytesPerSample,
  };
}

/** "784→256→10" */
export function arrowList(dims: number[]): string {
  return dims.join('→');
}
