import type { Attribute, Graph, Node, Tensor } from '../../onnx/types.ts';
import { ShapeError, type Val } from './value.ts';

/** What a rule sees of one node: its inputs' inferred values and a way into subgraphs. */
export interface OpCtx {
  readonly node: Node;
  /** The ai.onnx opset the model imports (attribute vs input forms depend on it). */
  readonly opset: number;
  /** By position; undefined where an optional input is left out. Every present input has a known shape. */
  readonly inputs: (Val | undefined)[];
  /**
   * Infers a subgraph (If/Loop body) with its formal inputs bound; outer-scope names stay visible. Its nodes' FLOPs
   * go straight into the totals, so the control-flow node itself reports 0. Returns the subgraph's outputs.
   */
  runGraph(g: Graph, bind: Map<string, Val>): (Val | undefined)[];
  warn(message: string): void;
}

export interface OpResult {
  outputs: (Val | undefined)[];
  flops: number;
  /** The shape is known but the conventions have no FLOP formula for this op: reported as "not counted". */
  uncounted?: boolean;
}

export type OpRule = (ctx: OpCtx) => OpResult;

export function attr(node: Node, name: string): Attribute | undefined {
  return node.attributes[name];
}

export function attrInt(node: Node, name: string, def: number): number {
  const a = node.attributes[name];
  if (a?.kind === 'int') return a.value;
  if (a?.kind === 'float') return Math.trunc(a.value);
  return def;
}

export function attrFloat(node: Node, name: string, def: number): number {
  const a = node.attributes[name];
  return a?.kind === 'float' || a?.kind === 'int' ? a.value : def;
}

export function attrInts(node: Node, name: string): number[] | undefined {
  const a = node.attributes[name];
  if (a?.kind === 'ints') return a.value;
  if (a?.kind === 'int') return [a.value];
  return undefined;
}

export function attrFloats(node: Node, name: string): number[] | undefined {
  const a = node.attributes[name];
  if (a?.kind === 'floats' || a?.kind === 'ints') return a.value;
  return undefined;
}

export function attrString(node: Node, name: string, def: string): string {
  const a = node.attributes[name];
  return a?.kind === 'string' ? a.value : def;
}

export function attrTensor(node: Node, name: string): Tensor | undefined {
  const a = node.attributes[name];
  return a?.kind === 'tensor' ? a.value : undefined;
}

export function attrGraph(node: Node, name: string): Graph | undefined {
  const a = node.attributes[name];
  return a?.kind === 'graph' ? a.value : undefined;
}

/** A required input with a known shape. */
export function input(ctx: OpCtx, i: number): Val & { shape: number[] } {
  const v = ctx.inputs[i];
  if (!v?.shape) throw new ShapeError(`input ${i} is missing`);
  return v as Val & { shape: number[] };
}

/** The values of an input that the output shape depends on (Reshape's shape, Slice's starts...). */
export function constInput(ctx: OpCtx, i: number, what: string): number[] {
  const v = ctx.inputs[i];
  if (!v) throw new ShapeError(`${what} input is missing`);
  if (!v.data) throw new ShapeError(`${what} (${ctx.node.inputs[i]}) is computed at run time, not a constant`);
  return v.data;
}

/** Optional constant input: undefined when left out (or given as an empty tensor). */
export function optConstInput(ctx: OpCtx, i: number, what: string): number[] | undefined {
  const v = ctx.inputs[i];
  if (!v) return undefined;
  if (v.shape && v.shape.length > 0 && v.shape.every((d) => d === 0)) return undefined;
  return constInput(ctx, i, what);
}
