import type { BlockContext } from './blockContext.ts';
import { freezeDoc } from './blocks.ts';
import { guideRanges } from './guides.ts';
import { splitSections } from './sections.ts';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What the preview renders: the exported doc (live blocks with today's numbers), except that a section with
 * nothing written yet shows its guidance as a faint note. Writing anything in the section makes it go.
 */
export function previewMarkdown(markdown: string, ctx: BlockContext | null): string {
  const sections = splitSections(markdown, 6);
  const empty = (line: number) => {
    const s = sections.find((x) => x.line <= line && line <= x.endLine);
    return !!s && s.level > 0 && s.words === 0 && s.liveBlocks === 0;
  };
  let text = markdown;
  // Right to left, so earlier offsets stay valid.
  for (const g of guideRanges(markdown).filter((x) => x.closed).reverse()) {
    if (!empty(g.line)) continue;
    const note = html(g.text.trim()).replace(/\r?\n/g, '<br>');
    text = `${text.slice(0, g.from)}<div class="doc-guide">${note}</div>${text.slice(g.to)}`;
  }
  return freezeDoc(text, ctx);
}
