import { designEdgeSchema, designNodeSchema, nodeParamsSchema, workloadSchema, type ParamKey, type Workload } from './schema.ts';

/** Inline field validation for editors: the same rules as the file schema, one field at a time. */
function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  if (result.success) return null;
  return result.error?.issues[0]?.message ?? 'invalid value';
}

export function validateParam(key: ParamKey, value: unknown): string | null {
  return firstMessage(nodeParamsSchema.safeParse({ [key]: value }));
}

export function validateReplicas(value: unknown): string | null {
  return firstMessage(designNodeSchema.shape.replicas.safeParse(value));
}

export function validateLabel(value: unknown): string | null {
  return firstMessage(designNodeSchema.shape.label.safeParse(value));
}

export function validateEdgeField(key: 'callsPerRequest' | 'hitRatio', value: unknown): string | null {
  return firstMessage(designEdgeSchema.shape[key].safeParse(value));
}

export function validateWorkloadField(key: keyof Workload, value: unknown): string | null {
  const shape = workloadSchema.shape[key];
  return firstMessage(shape.safeParse(value));
}

/** Parse what a person typed into a number field: empty means "use the default". */
export function parseNumberInput(text: string): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const t = text.trim().replace(/_/g, '').replace(/,/g, '');
  if (t === '') return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, message: `"${text.trim()}" is not a number` };
  return { ok: true, value: n };
}
