import { checkScenario } from '../scenario/check.ts';
import { readPackText } from './format.ts';
import { packTextProblem } from './guards.ts';
import { listPackProblems, packWarnings, type PackProblem } from './problems.ts';

/** What a pack author needs before publishing: is it readable, what is in it, and everything wrong with it. */
export interface PackReport {
  /** True when the pack reads and every scenario passes its check. */
  ok: boolean;
  /** The pack's id, null when it could not be read. */
  id: string | null;
  counts: { scenarios: number; designs: number; templates: number };
  problems: PackProblem[];
  /** Not failures: see packWarnings. */
  warnings: PackProblem[];
}

/**
 * Validate a pack file's text the way an import reads it, then list every schema problem (an import stops at
 * the first) and run each scenario's check (reference design within budget, key components present, …).
 */
export function validatePackText(text: string): PackReport {
  const empty = { scenarios: 0, designs: 0, templates: 0 };
  const guard = packTextProblem(text);
  if (guard) return { ok: false, id: null, counts: empty, problems: [{ path: '', message: guard }], warnings: [] };
  const r = readPackText(text);
  if (!r.ok) {
    // The guard passed and the reader got past JSON.parse unless it says not-json, so parsing again is safe.
    const problems = r.reason === 'not-json' ? [{ path: '', message: r.message }] : listPackProblems(JSON.parse(text), r);
    return { ok: false, id: null, counts: empty, problems, warnings: [] };
  }
  const pack = r.value;
  const problems = pack.scenarios.flatMap((s, i) => checkScenario(s).problems.map((message) => ({ path: `scenarios[${i}]`, message: `${s.id}: ${message}` })));
  return {
    ok: problems.length === 0,
    id: pack.id,
    counts: { scenarios: pack.scenarios.length, designs: pack.designs?.length ?? 0, templates: pack.templates?.length ?? 0 },
    problems,
    warnings: packWarnings(pack),
  };
}
