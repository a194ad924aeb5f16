import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { getKind } from '../../domain/catalog/components.ts';
import { nodeLabel } from '../../domain/design/ops.ts';
import type { FlowNode } from './flowModel.ts';
import { NodeBadge, useIsBottleneck } from '../capacity/NodeBadge.tsx';

/** One component box: stage colour, glyph, label, kind and replica count. */
function ComponentNodeView({ data, selected }: NodeProps<FlowNode>) {
  const n = data.node;
  const kind = getKind(n.kind);
  const label = nodeLabel(n);
  const replicas = n.replicas ?? 1;
  const bottleneck = useIsBottleneck(n.id);
  return (
    <div className={`cnode stage-${kind?.stage ?? 'serving'}${selected ? ' selected' : ''}${bottleneck ? ' bottleneck' : ''}`} data-testid="canvas-node" data-node-id={n.id} data-kind={n.kind} data-bottleneck={bottleneck ? 'true' : undefined}>
      {bottleneck && <span className="cnode-tag">Bottleneck</span>}
      <Handle type="target" position={Position.Left} aria-label={`Connect into ${label}`} />
      <span className="cnode-glyph" aria-hidden="true">{kind?.glyph ?? '□'}</span>
      <span className="cnode-text">
        <span className="cnode-label">{label}</span>
        <span className="cnode-kind">{kind?.label ?? n.kind}{kind?.role === 'async' ? ' · async' : kind?.role === 'offline' ? ' · offline' : ''}</span>
      </span>
      {replicas > 1 && <span className="cnode-replicas" title={`${replicas} replicas`}>×{replicas}</span>}
      <Handle type="source" position={Position.Right} aria-label={`Connect from ${label}`} />
      <NodeBadge id={n.id} />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
export const nodeTypes = { component: ComponentNode };
