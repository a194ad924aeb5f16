import { parseTemplate } from '../doc/template.ts';
import { readDesignText } from '../design/format.ts';
import type { Design } from '../design/schema.ts';
import { readScenarioText } from '../scenario/format.ts';
import type { Scenario } from '../scenario/schema.ts';
import { buildPack, type BuildPackInput } from './build.ts';
import type { PackProblem } from './problems.ts';
import type { Pack, PackTemplate } from './schema.ts';

/** A file's name (for messages) and its text; reading the disk is the caller's business, so this stays pure. */
export interface NamedText {
  name: string;
  text: string;
}

export interface PackFiles {
  scenarios: readonly NamedText[];
  designs?: readonly NamedText[];
  templates?: readonly NamedText[];
}

export type PackFromFilesResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

/**
 * A pack from scenario, design and template files, as `mlsd pack build` and the example-pack script make one.
 * Each scenario's reference design joins `designs` (after any design files), so importing the pack gives a
 * person an editable copy of the reference next to the scenario. Every bad file is reported, not just the first.
 */
export function packFromFiles(meta: Omit<BuildPackInput, 'scenarios' | 'designs' | 'templates'>, files: PackFiles, options: { referenceDesigns?: boolean } = {}): PackFromFilesResult {
  const problems: PackProblem[] = [];
  const scenarios: Scenario[] = [];
  const designs: Design[] = [];
  const templates: PackTemplate[] = [];
  for (const f of files.scenarios) {
    const r = readScenarioText(f.text);
    if (r.ok) scenarios.push(r.value);
    else problems.push({ path: f.name, message: r.message });
  }
  for (const f of files.designs ?? []) {
    const r = readDesignText(f.text);
    if (r.ok) designs.push(r.value);
    else problems.push({ path: f.name, message: r.message });
  }
  for (const f of files.templates ?? []) {
    const r = parseTemplate(f.text);
    if (r.ok) templates.push({ id: r.template.id, text: f.text });
    else problems.push({ path: f.name, message: `line ${r.line}: ${r.message}` });
  }
  if (problems.length) return { ok: false, problems };
  if (options.referenceDesigns ?? true) designs.push(...scenarios.map((s) => s.referenceDesign));
  const built = buildPack({ ...meta, scenarios, designs, templates });
  return built.ok ? { ok: true, pack: built.value } : { ok: false, problems: [{ path: built.path ?? '', message: built.message }] };
}
