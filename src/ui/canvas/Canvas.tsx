import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow, useStore, type Connection, type Edge, type EdgeChange, type NodeChange, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { addNode, connect, moveNodes, removeElements } from '../../domain/design/ops.ts';
import type { Design, Position } from '../../domain/design/schema.ts';
import { getKind } from '../../domain/catalog/components.ts';
import { applyEdit, notify, selectDesign, setSelection, useWorkspace } from '../../state/workspaceStore.ts';
import { saveViewportSoon } from '../../state/autosave.ts';
import { usePrefs } from '../../state/prefsStore.ts';
import { useTheme } from '../app/theme.ts';
import { useEstimate } from '../../state/estimateStore.ts';
import { fmtRps } from '../capacity/format.ts';
import { FlowEdgeCache, FlowNodeCache, type FlowNode } from './flowModel.ts';
import { nodeTypes } from './ComponentNode.tsx';
import { KIND_MIME } from './Palette.tsx';
import { FarEdges } from './FarEdges.tsx';
import { FarNodes } from './FarNodes.tsx';
import { FIT_OPTIONS } from './fit.ts';
import './canvas.css';

const SNAP: [number, number] = [16, 16];
const DELETE_KEYS = ['Delete', 'Backspace'];
const NO_EDGES: Edge[] = [];

export function Canvas() {
  const design = useWorkspace(selectDesign) as Design;
  const selection = useWorkspace((s) => s.selection);
  const initialViewport = useWorkspace((s) => s.initialViewport);
  const { snap, minimap } = usePrefs();
  const { theme } = useTheme();
  const flow = useReactFlow();
  const nodeCache = useRef(new FlowNodeCache());
  const edgeCache = useRef(new FlowEdgeCache());
  const [measureTick, setMeasureTick] = useState(0);
  const dragBase = useRef<Design | null>(null);
  // Fit only when opening a design that has no saved view; never again while the person edits.
  const [fitOnOpen] = useState(() => !initialViewport && design.nodes.length > 0);

  // measureTick re-runs the build when node sizes arrive; the cache makes it cheap.
  // Below this zoom labels are unreadable and cover the boxes; drawing them only costs frames.
  const showLabels = useStore((s) => s.transform[2] >= 0.45);
  const nodes = useMemo(() => nodeCache.current.build(design, selection.nodes, !showLabels), [design, selection.nodes, measureTick, showLabels]); // eslint-disable-line react-hooks/exhaustive-deps
  const edgeRates = useEstimate((s) => s.estimate?.edges);
  const edges = useMemo(() => {
    const rate = (id: string) => {
      const r = edgeRates?.[id]?.rps;
      return r !== undefined && r > 0 ? fmtRps(r) : undefined;
    };
    return edgeCache.current.build({ edges: design.edges }, selection.edges, rate, showLabels);
  }, [design.edges, selection.edges, edgeRates, showLabels]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const positions = new Map<string, Position>();
    let measuredChanged = false;
    let sel: Set<string> | null = null;
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) {
        nodeCache.current.measured.set(c.id, c.dimensions);
        measuredChanged = true;
      } else if (c.type === 'position' && c.position) {
        positions.set(c.id, c.position);
      } else if (c.type === 'select') {
        sel ??= new Set(useWorkspace.getState().selection.nodes);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
    }
    if (positions.size > 0) applyEdit((d) => moveNodes(d, positions), dragBase.current ? 'live' : 'commit');
    if (sel) setSelection(sel, useWorkspace.getState().selection.edges);
    if (measuredChanged) setMeasureTick((t) => t + 1);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<Edge>[]) => {
    let sel: Set<string> | null = null;
    for (const c of changes) {
      if (c.type === 'select') {
        sel ??= new Set(useWorkspace.getState().selection.edges);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
    }
    if (sel) setSelection(useWorkspace.getState().selection.nodes, sel);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const d = useWorkspace.getState().history?.present;
    if (!d) return;
    const r = connect(d, c.source, c.target);
    if (r.ok) applyEdit(() => r.design);
    else notify(r.reason, 'warning');
  }, []);

  const onDelete = useCallback(({ nodes: ns, edges: es }: { nodes: FlowNode[]; edges: Edge[] }) => {
    applyEdit((d) => removeElements(d, ns.map((n) => n.id), es.map((e) => e.id)));
    setSelection([], []);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!kind || !getKind(kind)) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      let id = '';
      applyEdit((d) => {
        const r = addNode(d, kind, { x: p.x - 90, y: p.y - 30 });
        id = r.id;
        return r.design;
      });
      if (id) setSelection([id]);
    },
    [flow],
  );

  const onMoveEnd = useCallback((_: unknown, vp: Viewport) => saveViewportSoon(vp), []);

  return (
    <div className={`canvas${showLabels ? '' : ' zoomed-out'}`} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={showLabels ? edges : NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        onNodeDragStart={() => {
          dragBase.current = useWorkspace.getState().history?.present ?? null;
        }}
        onNodeDragStop={() => {
          const base = dragBase.current;
          dragBase.current = null;
          if (base) applyEdit((d) => d, 'commit', base);
        }}
        onMoveEnd={onMoveEnd}
        defaultViewport={initialViewport ?? { x: 40, y: 40, zoom: 1 }}
        fitView={fitOnOpen}
        fitViewOptions={FIT_OPTIONS}
        snapToGrid={snap}
        snapGrid={SNAP}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        selectionOnDrag={false}
        minZoom={0.1}
        maxZoom={2.5}
        colorMode={theme}
        onlyRenderVisibleElements={design.nodes.length > 150}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        aria-label="Architecture canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        {!showLabels && <FarEdges />}
        {!showLabels && <FarNodes />}
        <Controls showInteractive={false} position="bottom-left" />
        {/* Far out the whole design is on screen anyway, and most boxes are drawn outside React Flow. */}
        {minimap && showLabels && <MiniMap pannable zoomable position="bottom-right" ariaLabel="Minimap" />}
      </ReactFlow>
      {design.nodes.length === 0 && (
        <div className="canvas-empty" role="note">
          <strong>Empty canvas</strong>
          <span>Drag a component from the left, or focus one and press Enter. Connect boxes by dragging from the right dot of one to another, or from the inspector.</span>
        </div>
      )}
    </div>
  );
}
