import type { Source } from '../catalog/sources.ts';

/** Every number can say where it came from: the UI shows this in a "why" popover. */
export interface ExplanationInput {
  name: string;
  value: number | string | null;
  unit: string;
  /** The catalog source of the input, when it is a catalog number (verified: false marks estimates). */
  source?: Source;
}

export interface Explanation {
  quantity: string;
  /** null when the quantity is unbounded (saturated) or does not apply. */
  value: number | null;
  unit: string;
  /** Human-readable formula using the symbols of the inputs. */
  formula: string;
  inputs: ExplanationInput[];
}

export function explain(quantity: string, value: number | null, unit: string, formula: string, inputs: ExplanationInput[] = []): Explanation {
  return { quantity, value, unit, formula, inputs };
}

export function input(name: string, value: number | string | null, unit: string, source?: Source): ExplanationInput {
  return source ? { name, value, unit, source } : { name, value, unit };
}
