import { memo, useCallback, useMemo, type KeyboardEvent, type PointerEvent } from 'react';
import { useReactFlow, ViewportPortal } from '@xyflow/react';
import { getKind } from '../../domain/catalog/components.ts';
import { moveNodes, nodeLabel } from '../../domain/design/ops.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/design/layout.ts';
import type { Design, DesignNode, Position } from '../../domain/design/schema.ts';
import { applyEdit, selectDesign, setSelection, useWorkspace } from '../../state/workspaceStore.ts';
import { useEstimate } from '../../state/estimateStore.ts';
import { usePrefs } from '../../state/prefsStore.ts';
import { focusWhenDrawn } from './focusNode.ts';

const GRID = 16;

/** One unselected box at the zoomed-out level of detail: a coloured rectangle, nothing React Flow has to track. */
const FarNode = memo(function FarNode({ node, bottleneck }: { node: DesignNode; bottleneck: boolean }) {
  const p = node.position ?? { x: 0, y: 0 };
  const stage = getKind(node.kind)?.stage ?? 'serving';
  return (
    <rect
      className={`far-node stage-${stage}${bottleneck ? ' bottleneck' : ''}`}
      data-id={node.id}
      x={p.x}
      y={p.y}
      width={NODE_WIDTH}
      height={NODE_HEIGHT}
      rx={10}
      tabIndex={0}
      role="button"
      aria-label={nodeLabel(node)}
    >
      <title>{nodeLabel(node)}</title>
    </rect>
  );
});

/**
 * Far out, only selected boxes are React Flow nodes; the others are drawn here. React Flow re-runs a store
 * subscription per node on every drag frame, so with 300 nodes on screen that alone took a frame. Press a box
 * here to select it (Shift or Ctrl adds), and drag it: the move goes through the same live edit and single undo
 * step as a drag on the canvas.
 */
export function FarNodes() {
  const design = useWorkspace(selectDesign) as Design;
  const selected = useWorkspace((s) => s.selection.nodes);
  const bottleneck = useEstimate((s) => s.estimate?.bottleneck ?? null);
  const flow = useReactFlow();
  const snap = usePrefs((s) => s.snap);
  const rest = useMemo(() => design.nodes.filter((n) => !selected.has(n.id)), [design.nodes, selected]);
  // The SVG must cover the boxes: hit-testing ignores content that only overflows an SVG's own box.
  const box = useMemo(() => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of rest) {
      const p = n.position ?? { x: 0, y: 0 };
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x + NODE_WIDTH);
      y1 = Math.max(y1, p.y + NODE_HEIGHT);
    }
    return rest.length ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : { x: 0, y: 0, w: 1, h: 1 };
  }, [rest]);

  const onPointerDown = useCallback(
    (e: PointerEvent<SVGGElement>) => {
      const id = (e.target as Element).getAttribute('data-id');
      if (!id || e.button !== 0) return;
      e.stopPropagation();
      const now = useWorkspace.getState();
      const add = e.shiftKey || e.ctrlKey || e.metaKey;
      const ids = new Set(add ? [...now.selection.nodes, id] : [id]);
      setSelection(ids, add ? now.selection.edges : []);
      const base = now.history?.present;
      if (!base) return;
      const start = new Map(base.nodes.filter((n) => ids.has(n.id)).map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
      const zoom = flow.getZoom();
      const x0 = e.clientX;
      const y0 = e.clientY;
      let moved = false;
      const onMove = (ev: globalThis.PointerEvent) => {
        const dx = (ev.clientX - x0) / zoom;
        const dy = (ev.clientY - y0) / zoom;
        if (!moved && Math.hypot(ev.clientX - x0, ev.clientY - y0) < 3) return;
        moved = true;
        const to = new Map<string, Position>();
        for (const [nid, p] of start) {
          const x = p.x + dx;
          const y = p.y + dy;
          to.set(nid, snap ? { x: Math.round(x / GRID) * GRID, y: Math.round(y / GRID) * GRID } : { x, y });
        }
        applyEdit((d) => moveNodes(d, to), 'live');
      };
      const onUp = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        // One undo step for the whole drag, as on the canvas.
        if (moved) applyEdit((d) => d, 'commit', base);
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    },
    [flow, snap],
  );

  const onKeyDown = useCallback((e: KeyboardEvent<SVGGElement>) => {
    const id = (e.target as Element).getAttribute('data-id');
    if (id && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      setSelection([id], []);
      // Selected, it becomes a React Flow node: move the focus there so arrow keys and Delete act on it.
      requestAnimationFrame(() => focusWhenDrawn(id));
    }
  }, []);

  return (
    <ViewportPortal>
      <svg className="far-nodes nopan nodrag nowheel" style={{ left: box.x, top: box.y, width: box.w, height: box.h }}>
        <g transform={`translate(${-box.x} ${-box.y})`} onPointerDown={onPointerDown} onKeyDown={onKeyDown}>
          {rest.map((n) => <FarNode key={n.id} node={n} bottleneck={n.id === bottleneck} />)}
        </g>
      </svg>
    </ViewportPortal>
  );
}
