import { z } from 'zod';
import { designSchema } from '../design/schema.ts';
import { MAX_TEMPLATE_CHARS, parseTemplate } from '../doc/template.ts';
import { scenarioSchema } from '../scenario/schema.ts';

export const PACK_FORMAT = 'mlsd-pack';
/** Version 1 wrapped designs as {design, note?} and had no templates; see migrations.ts. */
export const PACK_VERSION = 2;

export const MAX_PACK_SCENARIOS = 200;
export const MAX_PACK_DESIGNS = 200;
export const MAX_PACK_TEMPLATES = 50;

/** Same rule as scenario and template ids, so a pack id can name a file or a URL segment as is. */
export const packSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'ids are 2–63 lower-case letters, digits and "-"');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * A design-doc template travels as the Markdown file's own text, so what is imported is byte for byte what its
 * author wrote; `id` repeats the front matter's id so a list of templates can be checked for clashes without
 * parsing every text.
 */
export const packTemplateSchema = z
  .object({
    id: packSlugSchema,
    text: z.string().max(MAX_TEMPLATE_CHARS, `a template may be at most ${MAX_TEMPLATE_CHARS} characters`),
  })
  .superRefine((t, ctx) => {
    const r = parseTemplate(t.text);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `line ${r.line}: ${r.message}` });
    } else if (r.template.id !== t.id) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `the template's front matter says id "${r.template.id}", not "${t.id}"` });
    }
  });

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    id: packSlugSchema,
    title: text(120),
    author: text(120).optional(),
    description: z.string().max(2000, 'must be at most 2000 characters').optional(),
    /** When the pack was made; informational only, nothing depends on it. */
    createdAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z' }).optional(),
    scenarios: z.array(scenarioSchema).max(MAX_PACK_SCENARIOS, `a pack may hold at most ${MAX_PACK_SCENARIOS} scenarios`),
    /** Full mlsd-design documents, byte-compatible with *.mlsd.json files. */
    designs: z.array(designSchema).max(MAX_PACK_DESIGNS, `a pack may hold at most ${MAX_PACK_DESIGNS} designs`).optional(),
    templates: z.array(packTemplateSchema).max(MAX_PACK_TEMPLATES, `a pack may hold at most ${MAX_PACK_TEMPLATES} templates`).optional(),
  })
  .superRefine((p, ctx) => {
    const designs = p.designs ?? [];
    const templates = p.templates ?? [];
    if (p.scenarios.length + designs.length + templates.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['scenarios'], message: 'a pack must hold at least one scenario, design or template' });
    }
    // Ids are what an import matches against the library, so a clash inside the pack would be ambiguous.
    const unique = (keys: string[], field: string, key: string, what: string) => {
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [field, i, key], message: `duplicate ${what} "${k}"` });
        seen.add(k);
      });
    };
    unique(p.scenarios.map((s) => s.id), 'scenarios', 'id', 'scenario id');
    // Designs have no id of their own; their name is what the library shows and matches on.
    unique(designs.map((d) => d.name), 'designs', 'name', 'design name');
    unique(templates.map((t) => t.id), 'templates', 'id', 'template id');
  });

export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type PackTemplate = z.infer<typeof packTemplateSchema>;
