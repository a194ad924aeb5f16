import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { addNode } from '../../domain/design/ops.ts';
import { freeSpot, NODE_HEIGHT, NODE_WIDTH } from '../../domain/design/layout.ts';
import { applyEdit, setSelection, useWorkspace } from '../../state/workspaceStore.ts';
import { focusWhenDrawn } from '../canvas/focusNode.ts';

/** Add a component in the middle of the visible canvas (keyboard and click adds), nudged off any node already there. */
export function useAddAtCenter(): (kind: string) => void {
  const flow = useReactFlow();
  return useCallback(
    (kind: string) => {
      const el = document.querySelector('.canvas');
      const rect = el?.getBoundingClientRect();
      const center = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      const d = useWorkspace.getState().history?.present;
      if (!d) return;
      const r = addNode(d, kind, freeSpot(d.nodes, { x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 }));
      applyEdit(() => r.design);
      setSelection([r.id]);
      requestAnimationFrame(() => focusWhenDrawn(r.id));
    },
    [flow],
  );
}
