import DOMPurify from 'dompurify';
import type MermaidApi from 'mermaid';

type Mermaid = typeof MermaidApi;

let loading: Promise<Mermaid> | null = null;
let themeSet: string | null = null;

/** Mermaid is large: load it on first use only, in its own chunk. */
function load(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading;
}

let seq = 0;

/**
 * Render Mermaid text to sanitised SVG. `securityLevel: 'strict'` disables click callbacks and
 * encodes HTML in labels; labels are plain SVG text (no foreignObject), and the result goes
 * through DOMPurify's SVG profile as a second line of defence.
 */
export async function mermaidToSvg(text: string, theme: 'light' | 'dark'): Promise<{ ok: true; svg: string } | { ok: false; message: string }> {
  const mermaid = await load();
  if (themeSet !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: theme === 'dark' ? 'dark' : 'default',
      maxTextSize: 100_000,
      maxEdges: 2000,
      flowchart: { htmlLabels: false },
      htmlLabels: false,
    });
    themeSet = theme;
  }
  try {
    const { svg } = await mermaid.render(`mlsd-mermaid-${++seq}`, text);
    return { ok: true, svg: DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['foreignObject', 'script', 'a'] }) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    // A failed render leaves its scratch element behind; clean it up.
    document.getElementById(`dmlsd-mermaid-${seq}`)?.remove();
  }
}
