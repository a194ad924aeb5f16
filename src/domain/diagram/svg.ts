import { getKind, type Stage } from '../catalog/components.ts';
import { edgeCalls } from '../capacity/flow.ts';
import { fillMissingPositions, NODE_HEIGHT, NODE_WIDTH } from '../design/layout.ts';
import type { Design } from '../design/schema.ts';

export type DiagramTheme = 'light' | 'dark';

const PALETTE: Record<DiagramTheme, { bg: string; box: string; border: string; fg: string; muted: string; edge: string; stage: Record<Stage, string> }> = {
  light: { bg: '#f7f7f9', box: '#ffffff', border: '#c5c9d3', fg: '#1b1d24', muted: '#5d6271', edge: '#8a8f9c', stage: { ingestion: '#2563eb', storage: '#0d9488', training: '#9333ea', serving: '#db2777', monitoring: '#d97706' } },
  dark: { bg: '#121318', box: '#1b1d24', border: '#3a3f4b', fg: '#e6e8ee', muted: '#a1a6b3', edge: '#7c8290', stage: { ingestion: '#60a5fa', storage: '#2dd4bf', training: '#c084fc', serving: '#f472b6', monitoring: '#fbbf24' } },
};

const MARGIN = 24;

/** XML text and attribute escaping: labels come from users and shared packs. */
export const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface DiagramSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * The design drawn as a standalone SVG file: boxes where they sit on the canvas (same size as the
 * canvas draws them), stage colours, connections as curves with arrowheads and their labels. No
 * scripts, no external references, no CSS variables, so it opens anywhere and converts to PNG.
 */
export function designToSvg(design: Design, theme: DiagramTheme = 'light'): DiagramSvg {
  const c = PALETTE[theme];
  const placed = fillMissingPositions(design);
  if (placed.nodes.length === 0) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120"><rect width="320" height="120" fill="${c.bg}"/><text x="160" y="64" text-anchor="middle" font-family="system-ui, sans-serif" font-size="14" fill="${c.muted}">Empty design</text></svg>`;
    return { svg, width: 320, height: 120 };
  }
  const pos = new Map(placed.nodes.map((n) => [n.id, n.position!]));
  const x0 = Math.min(...placed.nodes.map((n) => n.position!.x)) - MARGIN;
  const y0 = Math.min(...placed.nodes.map((n) => n.position!.y)) - MARGIN;
  const width = Math.ceil(Math.max(...placed.nodes.map((n) => n.position!.x)) + NODE_WIDTH + MARGIN - x0);
  const height = Math.ceil(Math.max(...placed.nodes.map((n) => n.position!.y)) + NODE_HEIGHT + MARGIN - y0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title>${xml(design.name)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c.edge}"/></marker></defs>`,
    `<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="${c.bg}"/>`,
  ];
  for (const e of placed.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const sx = a.x + NODE_WIDTH;
    const sy = a.y + NODE_HEIGHT / 2;
    const tx = b.x;
    const ty = b.y + NODE_HEIGHT / 2;
    const k = Math.max(40, Math.abs(tx - sx) / 2);
    parts.push(`<path d="M${sx},${sy} C${sx + k},${sy} ${tx - k},${ty} ${tx},${ty}" fill="none" stroke="${c.edge}" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    const label = e.label ?? (edgeCalls(e) !== 1 ? (e.hitRatio !== undefined ? `hit ${Math.round(e.hitRatio * 100)}%` : `×${e.callsPerRequest}`) : '');
    if (label) parts.push(`<text x="${(sx + tx) / 2}" y="${(sy + ty) / 2 - 6}" text-anchor="middle" font-size="11" fill="${c.muted}">${xml(clip(label, 30))}</text>`);
  }
  for (const n of placed.nodes) {
    const p = pos.get(n.id)!;
    const k = getKind(n.kind);
    const stage = c.stage[k?.stage ?? 'serving'];
    const title = n.label ?? k?.label ?? n.kind;
    const sub = `${k?.label ?? n.kind}${n.replicas && n.replicas > 1 ? ` × ${n.replicas}` : ''}`;
    parts.push(
      `<g transform="translate(${p.x},${p.y})">`,
      `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="10" fill="${c.box}" stroke="${c.border}"/>`,
      `<rect width="4" height="${NODE_HEIGHT}" rx="2" fill="${stage}"/>`,
      `<rect x="12" y="15" width="34" height="34" rx="8" fill="${stage}" fill-opacity="0.14"/>`,
      `<text x="29" y="38" text-anchor="middle" font-size="17" fill="${stage}">${xml(k?.glyph ?? '•')}</text>`,
      `<text x="56" y="28" font-size="13" font-weight="600" fill="${c.fg}">${xml(clip(title, 18))}</text>`,
      `<text x="56" y="46" font-size="11.5" fill="${c.muted}">${xml(clip(sub, 22))}</text>`,
      `</g>`,
    );
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}
