import { attrInt, attrString, input, type OpRule } from '../opContext.ts';
import { ShapeError, type Val } from '../value.ts';

/**
 * Per direction, per time step, per batch row (conventions): the gate GEMMs over [x, h] plus the pointwise gate math.
 * LSTM 8·H·(I+H) + 10·H, GRU 6·H·(I+H) + 9·H, RNN 2·H·(I+H) + 2·H.
 */
const PER_STEP: Record<string, (h: number, i: number) => number> = {
  LSTM: (h, i) => 8 * h * (i + h) + 10 * h,
  GRU: (h, i) => 6 * h * (i + h) + 9 * h,
  RNN: (h, i) => 2 * h * (i + h) + 2 * h,
};

export const recurrent: OpRule = (ctx) => {
  const n = ctx.node;
  const x = input(ctx, 0);
  const r = input(ctx, 2);
  if (x.shape.length !== 3) throw new ShapeError(`X must be 3-D, got rank ${x.shape.length}`);
  const layout = attrInt(n, 'layout', 0);
  const [t, b] = layout === 0 ? [x.shape[0]!, x.shape[1]!] : [x.shape[1]!, x.shape[0]!];
  const inSize = x.shape[2]!;
  const h = attrInt(n, 'hidden_size', r.shape[2] ?? 0);
  if (!h) throw new ShapeError('hidden_size unknown');
  const dirs = attrString(n, 'direction', 'forward') === 'bidirectional' ? 2 : 1;
  // A state fed at another batch size means the caller's shapes disagree (e.g. an unnamed batch dim in a state input).
  const h0 = ctx.inputs[5]?.shape;
  const h0Batch = h0 ? (layout === 0 ? h0[1] : h0[0]) : undefined;
  if (h0Batch !== undefined && h0Batch !== b) ctx.warn(`initial_h has batch ${h0Batch} but X has batch ${b}; counted at X's batch`);
  const y = layout === 0 ? [t, dirs, b, h] : [b, t, dirs, h];
  const state = layout === 0 ? [dirs, b, h] : [b, dirs, h];
  const outputs: Val[] = [{ dtype: x.dtype, shape: y }, { dtype: x.dtype, shape: state }];
  if (n.opType === 'LSTM') outputs.push({ dtype: x.dtype, shape: [...state] });
  return { outputs, flops: dirs * t * b * PER_STEP[n.opType]!(h, inSize) };
};
