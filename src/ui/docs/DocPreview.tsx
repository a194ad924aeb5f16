import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { previewMarkdown } from '../../domain/doc/preview.ts';
import type { BlockContext } from '../../domain/doc/blockContext.ts';
import { useTheme } from '../app/theme.ts';
import { renderMarkdown } from './render/markdownHtml.ts';
import { mermaidToSvg } from './render/mermaidSvg.ts';

/**
 * A diagram is shown as an image of its SVG: whatever a shared doc puts in a Mermaid block (CSS in a
 * directive, a click handler, markup in a label) stays inside the picture and cannot reach the page.
 */
function svgImage(svg: string): HTMLImageElement {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  img.alt = 'Diagram';
  img.className = 'mermaid-img';
  // Natural size from the viewBox, so a wide diagram scrolls instead of shrinking to unreadable text.
  const vb = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (vb) img.style.width = `${Math.round(Number(vb[1]))}px`;
  return img;
}

/**
 * The rendered doc: sanitised HTML, with live blocks showing the attached design's current numbers and
 * Mermaid blocks drawn as diagrams (strict security level). Nothing in a doc can run script here.
 */
export function DocPreview({ markdown, ctx }: { markdown: string; ctx: BlockContext | null }) {
  const deferred = useDeferredValue(markdown);
  const html = useMemo(() => renderMarkdown(previewMarkdown(deferred, ctx)), [deferred, ctx]);
  const host = useRef<HTMLDivElement>(null);
  const { theme } = useTheme();

  useEffect(() => {
    let cancelled = false;
    const blocks = [...(host.current?.querySelectorAll<HTMLElement>('pre > code.language-mermaid') ?? [])];
    void (async () => {
      for (const code of blocks) {
        const r = await mermaidToSvg(code.textContent ?? '', theme);
        if (cancelled) return;
        const pre = code.parentElement;
        if (!pre?.isConnected) continue;
        const box = document.createElement('div');
        box.className = r.ok ? 'mermaid-diagram' : 'mermaid-error';
        if (r.ok) box.append(svgImage(r.svg));
        else box.textContent = `This Mermaid diagram has an error: ${r.message}`;
        box.dataset.testid = r.ok ? 'mermaid-diagram' : 'mermaid-error';
        pre.replaceWith(box);
        if (!r.ok) box.after(pre);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [html, theme]);

  return <article className="doc-preview" ref={host} aria-label="Preview" data-testid="doc-preview" dangerouslySetInnerHTML={{ __html: html }} />;
}
