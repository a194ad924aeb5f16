import { useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { Design } from '../../domain/design/schema.ts';
import { selectDesign, useWorkspace } from '../../state/workspaceStore.ts';
import { farEdgesPath } from './farEdgesPath.ts';

/**
 * Connections drawn as paths (the zoomed-out level of detail; they are not selectable there). Edges of selected
 * boxes — the ones a drag moves — get their own small SVG, so a drag frame repaints only them: the path of all the
 * others keeps the same string and React leaves its element alone.
 */
export function FarEdges() {
  const design = useWorkspace(selectDesign) as Design;
  const selected = useWorkspace((s) => s.selection.nodes);
  const [rest, moving] = useMemo(() => {
    const touches = (e: Design['edges'][number]) => selected.has(e.from) || selected.has(e.to);
    return [farEdgesPath(design, (e) => !touches(e)), farEdgesPath(design, touches)];
  }, [design, selected]);
  return (
    <ViewportPortal>
      <svg className="far-edges" aria-hidden="true">
        <path d={rest} />
      </svg>
      <svg className="far-edges" aria-hidden="true">
        <path d={moving} />
      </svg>
    </ViewportPortal>
  );
}
