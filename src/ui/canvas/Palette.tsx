import { memo, useMemo, useState, type DragEvent } from 'react';
import { COMPONENT_KINDS, STAGES, type ComponentKind } from '../../domain/catalog/components.ts';

export const KIND_MIME = 'application/x-mlsd-kind';

function matches(k: ComponentKind, q: string): boolean {
  if (!q) return true;
  const hay = `${k.label} ${k.kind} ${k.aliases.join(' ')} ${k.description}`.toLowerCase();
  return q.split(/\s+/).every((w) => hay.includes(w));
}

/** Components grouped by stage. Drag onto the canvas, or press Enter/click to add at the centre of the view. */
export const Palette = memo(function Palette({ onAdd }: { onAdd: (kind: string) => void }) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const groups = useMemo(() => STAGES.map((s) => ({ ...s, kinds: COMPONENT_KINDS.filter((k) => k.stage === s.id && matches(k, q)) })).filter((g) => g.kinds.length > 0), [q]);
  const onDragStart = (e: DragEvent, kind: string) => {
    e.dataTransfer.setData(KIND_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="palette" aria-label="Components">
      <input className="input palette-search" type="search" placeholder="Find a component…" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Find a component" />
      <div className="palette-groups">
        {groups.length === 0 && <p className="muted palette-empty">No component matches “{query}”.</p>}
        {groups.map((g) => (
          <section key={g.id} className="palette-group" aria-label={g.label}>
            <h3 className={`palette-stage stage-${g.id}`}>{g.label}</h3>
            {g.kinds.map((k) => (
              <button
                key={k.kind}
                type="button"
                className={`palette-item stage-${k.stage}`}
                draggable
                onDragStart={(e) => onDragStart(e, k.kind)}
                onClick={() => onAdd(k.kind)}
                title={`${k.description}\nDrag onto the canvas, or press Enter to add.`}
                data-kind={k.kind}
                aria-label={`Add ${k.label}`}
              >
                <span className="palette-glyph" aria-hidden="true">{k.glyph}</span>
                <span>{k.label}</span>
              </button>
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
});
