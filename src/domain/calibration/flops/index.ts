/** FLOP counting and shape inference for ONNX graphs (conventions: rules.ts). */
export { countFlops, inferShapes, type FlopReport } from './count.ts';
export { resolveInputs, type CountOptions, type InputDtype, type ResolvedInput } from './inputs.ts';
export { parseShape } from './parseShape.ts';
export type { Inference, NodeRecord } from './infer.ts';
