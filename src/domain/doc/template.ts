import { z } from 'zod';
import { describeZodError } from '../versioning/zodMessage.ts';
import { parseFrontMatter } from './frontMatter.ts';
import { isUnknownMlsdFence, liveKindOf, type LiveBlockKind } from './liveKinds.ts';
import { headingKey } from './sections.ts';
import { headingOf, scanMarkdown } from './scan.ts';

export interface TemplateSection {
  heading: string;
  /** Guidance for the writer, from the section's `<!-- guide: … -->` comments (joined by blank lines). */
  guide: string;
  /** Live blocks the template puts in this section. */
  blocks: LiveBlockKind[];
  /** 1-based line of the heading in the template file. */
  line: number;
}

export interface DocTemplate {
  id: string;
  title: string;
  description: string;
  version: number;
  sections: TemplateSection[];
  /** Markdown after the front matter: what a new doc starts from ("{{title}}" is replaced by the doc's title). */
  body: string;
}

export type TemplateResult = { ok: true; template: DocTemplate } | { ok: false; message: string; line: number };

/** Template files are ours or shared by others; these bounds keep a bad one from becoming a bad editor. */
export const MAX_TEMPLATE_CHARS = 200_000;

const frontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'id is 2–63 lower-case letters, digits and "-"'),
    title: z.string().min(1, 'title must not be empty').max(120, 'title must be at most 120 characters'),
    description: z.string().min(1, 'description must not be empty').max(400, 'description must be at most 400 characters'),
    version: z.string().regex(/^[1-9][0-9]{0,5}$/, 'version is a whole number from 1').transform(Number),
  })
  .strict();

/** Sections are the level-2 headings; each must carry guidance, so the editor always has a hint to show. */
export function parseTemplate(text: string): TemplateResult {
  if (text.length > MAX_TEMPLATE_CHARS) return { ok: false, line: 1, message: `A template may be at most ${MAX_TEMPLATE_CHARS.toLocaleString('en-US')} characters.` };
  const fm = parseFrontMatter(text);
  if (!fm.ok) return fm;
  const meta = frontMatterSchema.safeParse(fm.value.fields);
  if (!meta.success) {
    const issue = meta.error.issues[0];
    const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0];
    const { message } = describeZodError(meta.error);
    return { ok: false, line: (typeof key === 'string' ? fm.value.lines[key] : undefined) ?? 1, message: `Front matter: ${message}` };
  }
  const lead = /^(?:[ \t]*\r?\n)*/.exec(fm.value.body)![0];
  const body = fm.value.body.slice(lead.length);
  const offset = fm.value.bodyLine - 1 + (lead.match(/\n/g)?.length ?? 0);
  const scan = scanMarkdown(body);
  const lineOf = (index: number) => index + 1 + offset;

  const open = scan.fences.find((f) => f.closeLine === null);
  if (open) return { ok: false, line: lineOf(open.openLine), message: 'This code fence is never closed.' };
  const unclosed = scan.comments.find((c) => !c.closed);
  if (unclosed) return { ok: false, line: lineOf(unclosed.startLine), message: 'This comment is never closed with "-->".' };
  const unknown = scan.fences.find((f) => isUnknownMlsdFence(f.info));
  if (unknown) return { ok: false, line: lineOf(unknown.openLine), message: `Unknown live block "${unknown.info}": use mlsd-diagram, mlsd-capacity or mlsd-latency-budget.` };

  const sections: TemplateSection[] = [];
  const guides: string[][] = [];
  let current = -1;
  const fenceAt = new Map(scan.fences.map((f) => [f.openLine, f.info]));
  const commentAt = new Map(scan.comments.map((c) => [c.startLine, c]));
  for (const line of scan.lines) {
    const h = headingOf(line);
    if (h && h.level <= 2) {
      current = h.level === 2 ? sections.length : -1;
      if (h.level === 2) {
        sections.push({ heading: h.text, guide: '', blocks: [], line: lineOf(line.index) });
        guides.push([]);
      }
      continue;
    }
    if (current < 0) continue;
    const c = commentAt.get(line.index);
    if (c?.guide) guides[current]!.push(c.inner.replace(/[ \t]*\r?\n[ \t]*/g, '\n'));
    const kind = liveKindOf(fenceAt.get(line.index) ?? '');
    if (kind) sections[current]!.blocks.push(kind);
  }
  if (sections.length === 0) return { ok: false, line: lineOf(0), message: 'A template needs at least one "## " section.' };
  const seen = new Set<string>();
  for (const [i, s] of sections.entries()) {
    s.guide = guides[i]!.filter((g) => g !== '').join('\n\n');
    if (s.heading === '') return { ok: false, line: s.line, message: 'A section heading is empty.' };
    if (s.guide === '') return { ok: false, line: s.line, message: `Section "${s.heading}" has no guidance: add a <!-- guide: … --> comment under it.` };
    const key = headingKey(s.heading);
    if (seen.has(key)) return { ok: false, line: s.line, message: `Section "${s.heading}" appears twice.` };
    seen.add(key);
  }
  const m = meta.data;
  return { ok: true, template: { id: m.id, title: m.title, description: m.description, version: m.version, sections, body } };
}
