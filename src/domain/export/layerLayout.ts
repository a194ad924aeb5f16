import { NODE_HEIGHT, NODE_WIDTH } from '../design/layout.ts';
import type { Design, Position } from '../design/schema.ts';

/** Columns per band: a long chain wraps into bands below each other, keeping positions inside the schema's ±1e6. */
const BAND_COLUMNS = 40;
const COL_STEP = NODE_WIDTH + 80;
const ROW_STEP = NODE_HEIGHT + 52;

/**
 * Left-to-right columns by longest path from a source, in linear time. Dagre draws nicer pictures but
 * takes seconds on thousands of nodes; this is for imports too big for it. When only cycles remain, the
 * first unplaced node in document order is placed anyway, so every graph gets positions.
 */
export function layerLayout(design: Design): Map<string, Position> {
  const ids = design.nodes.map((n) => n.id);
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const e of design.edges) {
    if (!next.has(e.from) || !next.has(e.to)) continue;
    next.get(e.from)!.push(e.to);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  const queued = new Set<string>();
  const queue: string[] = [];
  const enqueue = (id: string) => {
    if (queued.has(id)) return;
    queued.add(id);
    queue.push(id);
  };
  ids.filter((id) => indegree.get(id) === 0).forEach(enqueue);
  let seed = 0;
  for (let head = 0; queued.size < ids.length || head < queue.length; ) {
    if (head >= queue.length) {
      while (queued.has(ids[seed]!)) seed++;
      enqueue(ids[seed]!);
    }
    const id = queue[head++]!;
    for (const to of next.get(id)!) {
      if (queued.has(to)) continue;
      layer.set(to, Math.max(layer.get(to)!, layer.get(id)! + 1));
      const remaining = indegree.get(to)! - 1;
      indegree.set(to, remaining);
      if (remaining === 0) enqueue(to);
    }
  }
  const rowsIn = new Map<number, number>();
  const slot = new Map<string, { band: number; col: number; row: number }>();
  for (const id of ids) {
    const l = layer.get(id)!;
    const row = rowsIn.get(l) ?? 0;
    rowsIn.set(l, row + 1);
    slot.set(id, { band: Math.floor(l / BAND_COLUMNS), col: l % BAND_COLUMNS, row });
  }
  const bandRows: number[] = [];
  for (const [l, rows] of rowsIn) {
    const band = Math.floor(l / BAND_COLUMNS);
    bandRows[band] = Math.max(bandRows[band] ?? 0, rows);
  }
  const bandTop: number[] = [];
  for (let b = 0, y = 20; b < bandRows.length; b++) {
    bandTop[b] = y;
    y += ((bandRows[b] ?? 0) + 1) * ROW_STEP;
  }
  const positions = new Map<string, Position>();
  for (const [id, s] of slot) positions.set(id, { x: 20 + s.col * COL_STEP, y: bandTop[s.band]! + s.row * ROW_STEP });
  return positions;
}
