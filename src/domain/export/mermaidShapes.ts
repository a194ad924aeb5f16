import type { Stage } from '../catalog/components.ts';

/** Flowchart node shapes, by the brackets that open and close them. */
export type Shape =
  | 'rect' | 'round' | 'stadium' | 'subroutine' | 'cylinder' | 'circle' | 'double-circle' | 'diamond' | 'hexagon'
  | 'asymmetric' | 'parallelogram' | 'parallelogram-alt' | 'trapezoid' | 'trapezoid-alt';

/**
 * Longest openers first, so "[(" is not read as "[" followed by text. Slanted shapes accept either
 * closing slash: people mix them up and Mermaid's own closers differ only in the slant.
 */
export const SHAPE_SYNTAX: readonly { open: string; close: readonly string[]; shape: Shape }[] = [
  { open: '(((', close: [')))'], shape: 'double-circle' },
  { open: '((', close: ['))'], shape: 'circle' },
  { open: '([', close: ['])'], shape: 'stadium' },
  { open: '[(', close: [')]'], shape: 'cylinder' },
  { open: '[[', close: [']]'], shape: 'subroutine' },
  { open: '[/', close: ['/]', '\\]'], shape: 'parallelogram' },
  { open: '[\\', close: ['\\]', '/]'], shape: 'parallelogram-alt' },
  { open: '{{', close: ['}}'], shape: 'hexagon' },
  { open: '[', close: [']'], shape: 'rect' },
  { open: '(', close: [')'], shape: 'round' },
  { open: '{', close: ['}'], shape: 'diamond' },
  { open: '>', close: [']'], shape: 'asymmetric' },
];

/** Names used by the Mermaid 11 `A@{ shape: cyl }` form (and their long aliases) that carry meaning for kinds. */
export const NAMED_SHAPES: Readonly<Record<string, Shape>> = {
  cyl: 'cylinder', cylinder: 'cylinder', db: 'cylinder', database: 'cylinder', 'lin-cyl': 'cylinder', 'h-cyl': 'cylinder', das: 'cylinder', 'disk': 'cylinder',
  rect: 'rect', rounded: 'round', stadium: 'stadium', pill: 'stadium', circle: 'circle', circ: 'circle', diam: 'diamond', diamond: 'diamond',
  hex: 'hexagon', hexagon: 'hexagon', subproc: 'subroutine', subroutine: 'subroutine', 'lean-r': 'parallelogram', 'lean-l': 'parallelogram-alt',
  flag: 'asymmetric', 'dbl-circ': 'double-circle',
};

/** How each shape is written when exporting. */
export const SHAPE_WRITE: Readonly<Record<Shape, readonly [string, string]>> = {
  rect: ['[', ']'], round: ['(', ')'], stadium: ['([', '])'], subroutine: ['[[', ']]'], cylinder: ['[(', ')]'], circle: ['((', '))'],
  'double-circle': ['(((', ')))'], diamond: ['{', '}'], hexagon: ['{{', '}}'], asymmetric: ['>', ']'], parallelogram: ['[/', '/]'],
  'parallelogram-alt': ['[\\', '\\]'], trapezoid: ['[/', '\\]'], 'trapezoid-alt': ['[\\', '/]'],
};

/** A shape per kind family, so a diagram reads at a glance: stores are cylinders, queues are logs, caches are circles. */
const BY_KIND: Readonly<Record<string, Shape>> = {
  client: 'stadium',
  'api-gateway': 'hexagon', 'load-balancer': 'hexagon', 'ab-router': 'hexagon',
  queue: 'subroutine',
  'stream-processor': 'parallelogram', 'batch-job': 'parallelogram', scheduler: 'parallelogram',
  cache: 'circle',
  'model-server': 'round', 'embedding-service': 'round', 'ranking-service': 'round', serverless: 'round',
};

const BY_STAGE: Readonly<Record<Stage, Shape>> = { ingestion: 'rect', storage: 'cylinder', training: 'rect', serving: 'round', monitoring: 'asymmetric' };

export function shapeForKind(kind: string, stage: Stage | undefined): Shape {
  return BY_KIND[kind] ?? (stage ? BY_STAGE[stage] : 'rect');
}
