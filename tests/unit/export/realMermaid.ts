/**
 * Mermaid's own parser, in Node. Mermaid sanitises label text with DOMPurify, which needs a DOM and in
 * Node is an empty shell; parsing does not depend on sanitising, so the shell gets pass-through methods.
 * (Rendering is checked in the browser tests.)
 */
interface FlowDb {
  getVertices(): Map<string, { text?: string }>;
  getEdges(): { start: string; end: string; type?: string; stroke?: string; text?: string }[];
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
}

export interface RealMermaid {
  parse(text: string): Promise<unknown>;
  flowchart(text: string): Promise<FlowDb>;
}

export async function loadMermaid(): Promise<RealMermaid> {
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  if (typeof purify.sanitize !== 'function') {
    purify.sanitize = (s: string) => s;
    purify.addHook = () => undefined;
    purify.removeHook = () => undefined;
  }
  const { default: mermaid } = await import('mermaid');
  return {
    parse: (text) => mermaid.parse(text),
    async flowchart(text) {
      await mermaid.parse(text);
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      return diagram.db as unknown as FlowDb;
    },
  };
}

/** Mermaid parks "#quot;"-style codes as private markers until rendering; put them back as written. */
export function unpark(text: string): string {
  return text.replace(/ﬂ°°/g, '#').replace(/ﬂ°/g, '#').replace(/¶ß/g, ';');
}
