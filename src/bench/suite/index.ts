/**
 * The benchmark model suite: every model is generated here, deterministically, with exact analytic FLOP
 * and byte counts. Nothing is downloaded.
 */
import { cnnFamily } from './cnn.ts';
import { dwconvFamily } from './dwconv.ts';
import { eltwiseFamily } from './eltwise.ts';
import { matmulFamily } from './matmul.ts';
import { mlpFamily } from './mlp.ts';
import { probeFamily } from './probe.ts';
import { recommenderFamily } from './recommender.ts';
import { transformerFamily } from './transformer.ts';
import type { BuiltModel, SuiteFamily, SuiteFamilyModule, SuiteSpec } from './types.ts';

export type { BuiltModel, SuiteFamily, SuiteInput, SuitePrecision, SuiteSize, SuiteSpec } from './types.ts';
export { feedShape, makeFeedData } from './feed.ts';

const FAMILIES: Record<SuiteFamily, SuiteFamilyModule> = {
  mlp: mlpFamily,
  cnn: cnnFamily,
  transformer: transformerFamily,
  recommender: recommenderFamily,
  eltwise: eltwiseFamily,
  dwconv: dwconvFamily,
  matmul: matmulFamily,
  probe: probeFamily,
};

/** All suite entries, without building anything. */
export function suiteSpecs(): SuiteSpec[] {
  return Object.values(FAMILIES).flatMap((f) => f.specs());
}

/** Builds one model (by spec or id). Throws on an unknown id. */
export function buildSuiteModel(spec: SuiteSpec | string): BuiltModel {
  const s = typeof spec === 'string' ? suiteSpecs().find((x) => x.id === spec) : spec;
  if (!s) throw new Error(`unknown suite model '${String(spec)}'`);
  return FAMILIES[s.family].build(s);
}
