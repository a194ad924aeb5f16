import { useWorkspace } from '../../state/workspaceStore.ts';
import { useEdges, useNodeById } from '../../state/selectors.ts';
import { edgeKey } from '../../domain/design/ops.ts';
import { DesignInspector } from './DesignInspector.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import './inspector.css';

export function Inspector() {
  const selection = useWorkspace((s) => s.selection);
  const nodeIds = [...selection.nodes];
  const edgeIds = [...selection.edges];
  const node = useNodeById(nodeIds.length === 1 && edgeIds.length === 0 ? nodeIds[0] : undefined);
  const edges = useEdges();
  const edge = edgeIds.length === 1 && nodeIds.length === 0 ? edges.find((e) => edgeKey(e) === edgeIds[0]) : undefined;
  let body;
  if (node) body = <NodeInspector key={node.id} node={node} />;
  else if (edge) body = <EdgeInspector key={edgeIds[0]} edge={edge} id={edgeIds[0]!} />;
  else if (nodeIds.length + edgeIds.length > 1) {
    body = (
      <div className="inspector-body">
        <h2>{nodeIds.length} components, {edgeIds.length} connections selected</h2>
        <p className="muted small">Press <kbd className="kbd">Delete</kbd> to remove them, <kbd className="kbd">Ctrl</kbd>+<kbd className="kbd">C</kbd> / <kbd className="kbd">V</kbd> to copy and paste, or <kbd className="kbd">Ctrl</kbd>+<kbd className="kbd">D</kbd> to duplicate.</p>
      </div>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body ?? <DesignInspector />}
    </aside>
  );
}
