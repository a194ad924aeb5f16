import { DOC_FORMAT, DOC_VERSION, type DesignDoc } from './format.ts';
import type { DocTemplate } from './template.ts';

const PLACEHOLDER = /\{\{\s*title\s*\}\}/g;

/** One line, within the stored format's 200-character limit. */
const cleanTitle = (title: string) => title.replace(/\s+/g, ' ').trim().slice(0, 200).trim() || 'Untitled';

/**
 * A new doc's Markdown: the template body with "{{title}}" replaced. The title goes into a heading, so line
 * breaks become spaces; a body without the placeholder gets a "# title" line on top.
 */
export function newDocMarkdown(template: Pick<DocTemplate, 'body'>, title: string): string {
  const clean = cleanTitle(title);
  if (!template.body.match(PLACEHOLDER)) return `# ${clean}\n\n${template.body}`;
  return template.body.replace(PLACEHOLDER, () => clean);
}

export interface NewDocInput {
  id: string;
  title: string;
  template: DocTemplate;
  designId?: string | null;
  /** ms since 1970; passed in so the domain stays free of clocks. */
  now: number;
}

/** A complete stored doc, ready for the repository. */
export function newDoc({ id, title, template, designId = null, now }: NewDocInput): DesignDoc {
  const clean = cleanTitle(title);
  return {
    format: DOC_FORMAT, version: DOC_VERSION, id, title: clean, templateId: template.id, designId,
    markdown: newDocMarkdown(template, clean), createdAt: now, updatedAt: now,
  };
}
