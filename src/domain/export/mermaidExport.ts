import { STAGES, getKind, type Stage } from '../catalog/components.ts';
import type { Design, DesignNode } from '../design/schema.ts';
import { guessKind } from './kindGuess.ts';
import { edgeHint, edgeText, nodeHint } from './mermaidHints.ts';
import { freeName, mermaidIds } from './mermaidIds.ts';
import { SHAPE_WRITE, shapeForKind } from './mermaidShapes.ts';
import { encodeLabel } from './mermaidText.ts';

/** Light fills with a darker stroke and text per stage: legible on GitHub's light and dark themes alike. */
const STAGE_STYLE: Readonly<Record<Stage, string>> = {
  ingestion: 'fill:#e3f2fd,stroke:#1565c0,color:#0d2b4e',
  storage: 'fill:#fff3e0,stroke:#e65100,color:#4e2600',
  training: 'fill:#f3e5f5,stroke:#6a1b9a,color:#2e0b43',
  serving: 'fill:#e8f5e9,stroke:#2e7d32,color:#10321a',
  monitoring: 'fill:#fce4ec,stroke:#ad1457,color:#4a0a25',
};

/**
 * A double-quoted YAML string (JSON's escapes are valid YAML). Before parsing, Mermaid rewrites
 * `<tag ...>` spans and `%%{...}` directives anywhere in the text, so "<" and "%" go as \u escapes.
 */
function frontMatterString(text: string): string {
  return JSON.stringify(text).replace(/[<>%]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The label a node shows: its own, or the catalog's name for its kind (what the canvas shows). */
function shownLabel(node: DesignNode): string {
  return node.label !== undefined && node.label !== '' ? node.label : (getKind(node.kind)?.label ?? node.kind);
}

/**
 * A `flowchart LR` of the design: one subgraph per stage, a shape per kind family, edge labels for
 * calls, hit ratio and label, and `%% mlsd:` hints for whatever the text alone would not import back.
 */
export function designToMermaid(design: Design): string {
  const mids = mermaidIds(design.nodes.map((n) => n.id));
  const taken = new Set(mids.values());
  const lines: string[] = ['---', `title: ${frontMatterString(design.name)}`, '---', 'flowchart LR'];
  const hints: string[] = [];
  const classes = new Map<Stage, string[]>();

  const nodeLine = (node: DesignNode, stage: Stage | undefined, groupTitle: string | undefined, indent: string) => {
    const mid = mids.get(node.id)!;
    const shape = shapeForKind(node.kind, stage);
    const [open, close] = SHAPE_WRITE[shape];
    const label = shownLabel(node);
    lines.push(`${indent}${mid}${open}"${encodeLabel(label)}"${close}`);
    // Hint whenever the words alone would not give the kind, so an export imports back exactly and without warnings.
    const guess = guessKind({ label, id: mid, shape, groupTitle });
    if (mid !== node.id || guess.kind !== node.kind || (guess.from !== 'label' && guess.from !== 'id')) hints.push(nodeHint(mid, node.kind, node.id));
  };

  for (const stage of STAGES) {
    const members = design.nodes.filter((n) => getKind(n.kind)?.stage === stage.id);
    if (members.length === 0) continue;
    const sub = freeName(`stage_${stage.id}`, taken);
    taken.add(sub);
    lines.push(`  subgraph ${sub} ["${stage.label}"]`);
    for (const n of members) nodeLine(n, stage.id, stage.label, '    ');
    lines.push('  end');
    classes.set(stage.id, members.map((n) => mids.get(n.id)!));
  }
  // Kinds outside the catalog cannot pass validation, but a caller may hand over an unvalidated design.
  for (const n of design.nodes) if (!getKind(n.kind)) nodeLine(n, undefined, undefined, '  ');

  for (const e of design.edges) {
    const from = mids.get(e.from);
    const to = mids.get(e.to);
    if (from === undefined || to === undefined) continue;
    const text = edgeText(e.callsPerRequest, e.hitRatio, e.label === '' ? undefined : e.label);
    lines.push(text === '' ? `  ${from} --> ${to}` : `  ${from} -->|"${encodeLabel(text)}"| ${to}`);
    if (e.callsPerRequest !== undefined || e.hitRatio !== undefined) hints.push(edgeHint(from, to, e.callsPerRequest, e.hitRatio));
  }

  for (const [stage, members] of classes) {
    lines.push(`  classDef ${stage} ${STAGE_STYLE[stage]}`);
    lines.push(`  class ${members.join(',')} ${stage}`);
  }
  for (const h of hints) lines.push(`  ${h}`);
  return `${lines.join('\n')}\n`;
}
