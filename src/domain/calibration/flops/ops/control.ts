import { DataType } from '../../../onnx/types.ts';
import { attrGraph, type OpRule } from '../opContext.ts';
import { ShapeError, type Val } from '../value.ts';

/**
 * If: the branch taken when the condition folds to a constant; otherwise the then_branch, with a warning, since
 * which branch runs is only known at run time.
 */
export const ifRule: OpRule = (ctx) => {
  const known = ctx.inputs[0]?.data?.[0];
  const branch = known === undefined || known ? 'then_branch' : 'else_branch';
  if (known === undefined) ctx.warn('condition is only known at run time; counted the then_branch');
  const g = attrGraph(ctx.node, branch);
  if (!g) throw new ShapeError(`no ${branch}`);
  // The branch's own nodes are counted as they are inferred; the If node adds nothing itself.
  return { outputs: ctx.runGraph(g, new Map()), flops: 0 };
};

/** Loop: the body is inferred and counted once (the trip count is usually data-dependent), with a warning. */
export const loop: OpRule = (ctx) => {
  const body = attrGraph(ctx.node, 'body');
  if (!body) throw new ShapeError('no body');
  const trip = ctx.inputs[0]?.data?.[0];
  ctx.warn(`counted the body once${trip !== undefined ? ` (max trip count ${trip})` : ''}`);
  const carried = ctx.inputs.slice(2);
  const bind = new Map<string, Val>();
  const [iterName, condName, ...stateNames] = body.inputs.map((v) => v.name);
  if (iterName) bind.set(iterName, { dtype: DataType.INT64, shape: [], data: [0] });
  if (condName) bind.set(condName, { dtype: DataType.BOOL, shape: [], data: [1] });
  stateNames.forEach((name, k) => {
    const v = carried[k];
    if (v) bind.set(name, v);
  });
  const outputs = ctx.runGraph(body, bind);
  const finals = outputs.slice(1, 1 + carried.length).map((v, k) => v ?? carried[k]);
  const scans = outputs.slice(1 + carried.length).map((v): Val | undefined =>
    v?.shape && trip !== undefined ? { dtype: v.dtype, shape: [trip, ...v.shape] } : undefined,
  );
  return { outputs: [...finals, ...scans], flops: 0 };
};
