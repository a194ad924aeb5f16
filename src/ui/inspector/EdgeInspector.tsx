import { removeElements, updateEdge } from '../../domain/design/ops.ts';
import type { DesignEdge } from '../../domain/design/schema.ts';
import { useNodeNames } from '../../state/selectors.ts';
import { validateEdgeField } from '../../domain/design/validate.ts';
import { applyEdit, setSelection } from '../../state/workspaceStore.ts';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';

export function EdgeInspector({ edge, id }: { edge: DesignEdge; id: string }) {
  const names = new Map(useNodeNames());
  const name = (nid: string) => names.get(nid) ?? nid;
  return (
    <div className="inspector-body" data-testid="edge-inspector">
      <h2>{name(edge.from)} → {name(edge.to)}</h2>
      <p className="muted small">Each request that reaches {name(edge.from)} makes this many calls to {name(edge.to)}, minus the share answered by a cache (hit ratio).</p>
      <NumberField label="Calls per request" value={edge.callsPerRequest} placeholder="1" validate={(v) => validateEdgeField('callsPerRequest', v)} onCommit={(v) => applyEdit((d) => updateEdge(d, id, { callsPerRequest: v }))} testId="field-callsPerRequest" />
      <NumberField label="Cache hit ratio" value={edge.hitRatio} placeholder="0" hint="Share of calls answered before they cross this edge, 0 to 1" validate={(v) => validateEdgeField('hitRatio', v)} onCommit={(v) => applyEdit((d) => updateEdge(d, id, { hitRatio: v }))} testId="field-hitRatio" />
      <TextField label="Label" value={edge.label ?? ''} placeholder="e.g. features, async events" validate={(v) => (v.length > 120 ? 'At most 120 characters' : null)} onCommit={(v) => applyEdit((d) => updateEdge(d, id, { label: v.trim() || undefined }))} />
      <button
        type="button"
        className="btn danger"
        onClick={() => {
          applyEdit((d) => removeElements(d, [], [id]));
          setSelection([], []);
        }}
      >
        Delete connection
      </button>
    </div>
  );
}
