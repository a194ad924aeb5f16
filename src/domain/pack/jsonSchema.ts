import { z } from 'zod';
import { designSchema } from '../design/schema.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { packSchema, packTemplateSchema } from './schema.ts';

/**
 * The pack's JSON Schema, generated from the zod schema so the two cannot disagree on shape (the committed
 * schemas/mlsd-pack.schema.json is checked against this by a test; scripts/pack-schema.ts rewrites it).
 *
 * What JSON Schema cannot say, and only the app checks (zod's refine/superRefine have no JSON Schema form and are
 * dropped by z.toJSONSchema): unique ids within each list, "at least one item", a template's Markdown being a
 * valid template whose front matter id matches, a component kind being in the catalog, edges naming existing
 * nodes, a scenario's reference design naming it and carrying its budget. Text fields are trimmed before their
 * length is checked, which minLength cannot say ("  " passes here, not in the app). The description lists these,
 * so an editor user knows a schema-valid file can still be refused.
 */
export function packJsonSchema(): Record<string, unknown> {
  // "input": the shape people write, so fields with defaults (a scenario's `temporal`) are optional, as in a file.
  // Named definitions for the three item kinds, so the file reads like the format (a design appears twice: in
  // `designs` and as each scenario's reference design). A local registry leaves the shared schemas untouched.
  const names = z.registry<{ id?: string; title: string; description?: string }>();
  names.add(packSchema, { title: 'MLSD Studio scenario pack', description: 'Scenarios, designs and design-doc templates shared as one *.mlsd-pack.json file.' });
  names.add(scenarioSchema, { id: 'Scenario', title: 'mlsd-scenario' });
  names.add(designSchema, { id: 'Design', title: 'mlsd-design' });
  names.add(packTemplateSchema, { id: 'PackTemplate', title: 'Design-doc template (Markdown with front matter)' });
  const generated = z.toJSONSchema(packSchema, { io: 'input', metadata: names, unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $comment: 'Generated from src/domain/pack/schema.ts by scripts/pack-schema.ts; do not edit by hand.',
    ...rest,
    description: `${String(rest.description ?? '')} Checked by MLSD Studio beyond this schema: unique ids within each list, at least one item in total, templates that parse with matching front-matter ids, known component kinds, edges between existing nodes, and reference designs that name their scenario and carry its latency budget.`,
  };
}

export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
