// A synthetic 300-node design in the app's file format (see src/domain/design/schema.ts).
// Deterministic so every run measures the same document.
const KINDS = ['api-gateway', 'cache', 'database', 'model-server', 'queue', 'feature-store-online'];
export const COLS = 20;
const DX = 230;
const DY = 110;

export function makeDesign(count = 300) {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n-${i}`,
    kind: KINDS[i % KINDS.length],
    position: { x: (i % COLS) * DX, y: Math.floor(i / COLS) * DY },
  }));
  const edges = [];
  const seen = new Set();
  const add = (from, to) => {
    const key = `${from}>${to}`;
    // The schema rejects self loops and duplicate edges; guard so layout tweaks cannot break validity.
    if (from === to || from >= count || to >= count || seen.has(key)) return;
    seen.add(key);
    edges.push({ from: `n-${from}`, to: `n-${to}` });
  };
  for (let i = 0; i + 1 < count; i++) if ((i + 1) % COLS !== 0) add(i, i + 1); // chain along each row
  const rows = Math.ceil(count / COLS);
  for (let r = 0; r + 1 < rows; r++) {
    add(r * COLS + (r % COLS), (r + 1) * COLS + ((r * 7) % COLS)); // cross-row links
    add(r * COLS + COLS - 1, (r + 1) * COLS); // row end to next row start
  }
  return { format: 'mlsd-design', version: 1, name: `Bench ${count} nodes`, workload: { rps: 1000 }, nodes, edges };
}

/** The IndexedDB record shape of src/storage/db.ts (DesignRecord). */
export function makeRecord(id, design, viewport) {
  const now = Date.now();
  return { id, name: design.name, createdAt: now, updatedAt: now, rev: 1, editor: 'bench', design, ...(viewport ? { viewport } : {}) };
}
