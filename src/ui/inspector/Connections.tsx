import { useState } from 'react';
import { connect, edgeKey, removeElements } from '../../domain/design/ops.ts';
import type { DesignNode } from '../../domain/design/schema.ts';
import { applyEdit, notify, setSelection, useWorkspace } from '../../state/workspaceStore.ts';
import { useEdges, useNodeNames } from '../../state/selectors.ts';

/** Keyboard-friendly connecting: pick a target from a list instead of dragging between handles. */
export function Connections({ node }: { node: DesignNode }) {
  const [target, setTarget] = useState('');
  const names = useNodeNames();
  const edges = useEdges();
  const byId = new Map(names);
  const outgoing = edges.filter((e) => e.from === node.id);
  const incoming = edges.filter((e) => e.to === node.id);
  const candidates = names.filter(([id]) => id !== node.id && !outgoing.some((e) => e.to === id));
  const name = (id: string) => byId.get(id) ?? id;
  const add = () => {
    const design = useWorkspace.getState().history?.present;
    if (!target || !design) return;
    const r = connect(design, node.id, target);
    if (!r.ok) return notify(r.reason, 'warning');
    applyEdit(() => r.design);
    setTarget('');
  };
  return (
    <fieldset className="inspector-section">
      <legend>Connections</legend>
      <div className="connect-row">
        <select className="select" value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Connect to">
          <option value="">Connect to…</option>
          {candidates.map(([id, label]) => (
            <option key={id} value={id}>{label} ({id})</option>
          ))}
        </select>
        <button type="button" className="btn" onClick={add} disabled={!target}>Connect</button>
      </div>
      {outgoing.length + incoming.length === 0 ? (
        <p className="faint small">Not connected yet.</p>
      ) : (
        <ul className="conn-list">
          {incoming.map((e) => (
            <li key={edgeKey(e)}>
              <button type="button" className="linkish" onClick={() => setSelection([], [edgeKey(e)])}>← from {name(e.from)}</button>
            </li>
          ))}
          {outgoing.map((e) => (
            <li key={edgeKey(e)}>
              <button type="button" className="linkish" onClick={() => setSelection([], [edgeKey(e)])}>→ to {name(e.to)}</button>
              <button type="button" className="btn small ghost" aria-label={`Remove connection to ${name(e.to)}`} onClick={() => applyEdit((d) => removeElements(d, [], [edgeKey(e)]))}>✕</button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
