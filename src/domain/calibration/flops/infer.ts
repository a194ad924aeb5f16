import type { Graph, Model, Node } from '../../onnx/types.ts';
import type { OpCtx, OpResult } from './opContext.ts';
import { ruleFor } from './rules.ts';
import { bytesOf, numel, ShapeError, tensorVal, type Val } from './value.ts';

/** What inference learned about one executed node (subgraph nodes included). */
export interface NodeRecord {
  name: string;
  opType: string;
  outputs: (number[] | undefined)[];
  flops: number;
  /**
   * The tensors the node reads and writes, by name, with their bytes (0 when the shape is unknown). `constant`
   * marks weights: initializers and Constant-node outputs, read once per call whatever the batch. A device model
   * that costs operators by the bytes they move (roofline.ts) needs these; the FLOP count does not.
   */
  io?: { inputs: { name: string; bytes: number; constant: boolean }[]; outputs: { name: string; bytes: number }[] };
}

export interface Inference {
  flops: number;
  /** Sum of the byte sizes of every node output that was inferred. */
  activationBytes: number;
  ops: Record<string, { count: number; flops: number }>;
  warnings: string[];
  /** The top-level graph's outputs, in order. */
  outputs: (Val | undefined)[];
  nodes: NodeRecord[];
}

/** Nested scopes: a subgraph sees the names of the graphs around it. */
class Scope {
  private readonly vals = new Map<string, Val>();
  constructor(private readonly parent?: Scope) {}
  get(name: string): Val | undefined {
    return this.vals.get(name) ?? this.parent?.get(name);
  }
  set(name: string, v: Val): void {
    this.vals.set(name, v);
  }
}

const DEFAULT_OPSET = 13;
const MAX_DOWNSTREAM_NAMES = 5;
const MAX_DEPTH = 64;

/** Runs shape inference and FLOP counting over a model whose graph inputs are bound to concrete shapes. */
export function inferModel(model: Model, inputs: Map<string, Val>): Inference {
  const imported = model.opsets.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version;
  const engine = new Engine(imported ?? DEFAULT_OPSET);
  if (imported === undefined) engine.warn(`the model imports no ai.onnx opset; assumed ${DEFAULT_OPSET}`);
  const outputs = engine.runGraph(model.graph, undefined, inputs);
  return engine.result(outputs);
}

class Engine {
  private flops = 0;
  private activationBytes = 0;
  private readonly ops: Record<string, { count: number; flops: number }> = {};
  private readonly warnings = new Set<string>();
  private readonly downstream: string[] = [];
  private readonly nodes: NodeRecord[] = [];
  /** Names bound to weights (initializers, Constant outputs) in any scope: names are unique within a model. */
  private readonly constants = new Set<string>();
  private depth = 0;

  constructor(private readonly opset: number) {}

  warn(message: string): void {
    this.warnings.add(message);
  }

  result(outputs: (Val | undefined)[]): Inference {
    const warnings = [...this.warnings];
    if (this.downstream.length) {
      const names = this.downstream.slice(0, MAX_DOWNSTREAM_NAMES).join(', ');
      const more = this.downstream.length > MAX_DOWNSTREAM_NAMES ? ', ...' : '';
      warnings.push(`${this.downstream.length} node(s) after a failed inference were not counted (${names}${more})`);
    }
    return { flops: this.flops, activationBytes: this.activationBytes, ops: this.ops, warnings, outputs, nodes: this.nodes };
  }

  runGraph(g: Graph, parent: Scope | undefined, bind: Map<string, Val>): (Val | undefined)[] {
    // A hand-made Model can nest a graph inside itself; the reader already caps nesting for files.
    if (this.depth >= MAX_DEPTH) throw new ShapeError(`subgraphs nested deeper than ${MAX_DEPTH} levels`);
    this.depth++;
    try {
      return this.runScope(g, parent, bind);
    } finally {
      this.depth--;
    }
  }

  private runScope(g: Graph, parent: Scope | undefined, bind: Map<string, Val>): (Val | undefined)[] {
    const scope = new Scope(parent);
    for (const t of g.initializers) {
      scope.set(t.name, tensorVal(t));
      this.constants.add(t.name);
    }
    for (const [name, v] of bind) if (!g.initializers.some((t) => t.name === name)) scope.set(name, v);
    for (const node of topoOrder(g)) this.runNode(node, scope);
    return g.outputs.map((o) => scope.get(o.name));
  }

  private runNode(node: Node, scope: Scope): void {
    const label = `${node.opType} node "${node.name || node.outputs[0] || '?'}"`;
    const key = node.domain && node.domain !== 'ai.onnx' ? `${node.domain}:${node.opType}` : node.opType;
    const stat = (this.ops[key] ??= { count: 0, flops: 0 });
    stat.count++;
    const record: NodeRecord = { name: node.name ?? '', opType: node.opType, outputs: node.outputs.map(() => undefined), flops: 0 };
    this.nodes.push(record);
    const unknown = () => node.outputs.forEach((o) => o && scope.set(o, { dtype: 0 }));

    const inputs: (Val | undefined)[] = [];
    for (const name of node.inputs) {
      if (!name) {
        inputs.push(undefined);
        continue;
      }
      const v = scope.get(name);
      if (!v) {
        this.warn(`${label}: its input "${name}" is not produced by any node, initializer or graph input; 0 FLOPs counted`);
        return unknown();
      }
      if (!v.shape) {
        this.downstream.push(node.name || node.opType);
        return unknown();
      }
      inputs.push(v);
    }
    const rule = ruleFor(node.domain, node.opType);
    if (!rule) {
      this.warn(`not counted: ${key} (unknown op; the shapes after it are unknown)`);
      return unknown();
    }
    const ctx: OpCtx = {
      node,
      opset: this.opset,
      inputs,
      runGraph: (g, bind) => this.runGraph(g, scope, bind),
      warn: (m) => this.warn(`${label}: ${m}`),
    };
    let res: OpResult;
    try {
      res = rule(ctx);
      validate(res);
    } catch (err) {
      // A bug in one rule must not sink the whole count: report it like any other inference failure.
      const why = err instanceof ShapeError ? err.message : `internal error (${err instanceof Error ? err.message : String(err)})`;
      this.warn(`${label}: cannot infer its output shape: ${why}; 0 FLOPs counted`);
      return unknown();
    }
    if (res.uncounted) this.warn(`not counted: ${key}`);
    node.outputs.forEach((o, i) => {
      const v = res.outputs[i];
      if (!o) return;
      scope.set(o, v ?? { dtype: 0 });
      if (v?.shape) {
        record.outputs[i] = v.shape;
        this.activationBytes += bytesOf(v);
      }
    });
    if (node.opType === 'Constant') node.outputs.forEach((o) => o && this.constants.add(o));
    record.io = {
      inputs: node.inputs.flatMap((name, i) => (name ? [{ name, bytes: inputs[i] ? bytesOf(inputs[i]) : 0, constant: this.constants.has(name) }] : [])),
      outputs: node.outputs.flatMap((name, i) => (name ? [{ name, bytes: res.outputs[i]?.shape ? bytesOf(res.outputs[i]!) : 0 }] : [])),
    };
    record.flops = res.flops;
    stat.flops += res.flops;
    this.flops += res.flops;
  }
}

function validate(res: OpResult): void {
  if (!Number.isFinite(res.flops) || res.flops < 0) throw new ShapeError(`FLOP count came out as ${res.flops}`);
  for (const v of res.outputs) {
    if (!v?.shape) continue;
    if (v.shape.some((d) => !Number.isInteger(d) || d < 0)) throw new ShapeError(`invalid output shape [${v.shape.join(',')}]`);
    if (!Number.isSafeInteger(numel(v.shape))) throw new ShapeError(`output shape [${v.shape.join(',')}] is too large`);
  }
}

/**
 * Nodes in dependency order. ONNX requires graphs to be sorted already, so this is usually the given order; when
 * it is not, nodes are taken as soon as their inputs exist. Nodes caught in a cycle come last, in file order.
 */
function topoOrder(g: Graph): Node[] {
  const producer = new Map<string, number>();
  g.nodes.forEach((n, i) => n.outputs.forEach((o) => o && producer.set(o, i)));
  const done = new Array<boolean>(g.nodes.length).fill(false);
  const ready = (n: Node, self: number) => n.inputs.every((name) => {
    const p = producer.get(name);
    return p === undefined || p === self || done[p];
  });
  const order: Node[] = [];
  let progress = true;
  while (progress && order.length < g.nodes.length) {
    progress = false;
    g.nodes.forEach((n, i) => {
      if (!done[i] && ready(n, i)) {
        done[i] = true;
        order.push(n);
        progress = true;
      }
    });
  }
  g.nodes.forEach((n, i) => !done[i] && order.push(n));
  return order;
}
