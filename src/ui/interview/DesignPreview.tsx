import { getKind } from '../../domain/catalog/components.ts';
import { fillMissingPositions } from '../../domain/design/layout.ts';
import type { Design } from '../../domain/design/schema.ts';

const W = 180;
const H = 56;

/** A read-only drawing of a frozen design: boxes where the candidate put them, edges as straight lines. */
export function DesignPreview({ design }: { design: Design }) {
  if (design.nodes.length === 0) return <p className="muted">The canvas was empty.</p>;
  const placed = design.nodes.every((n) => n.position) ? design : fillMissingPositions(design);
  const pos = new Map(placed.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
  const xs = [...pos.values()].map((p) => p.x);
  const ys = [...pos.values()].map((p) => p.y);
  const x0 = Math.min(...xs) - 20;
  const y0 = Math.min(...ys) - 20;
  const w = Math.max(...xs) - x0 + W + 20;
  const h = Math.max(...ys) - y0 + H + 20;
  return (
    <svg className="design-preview" viewBox={`${x0} ${y0} ${w} ${h}`} role="img" aria-label={`Design with ${design.nodes.length} components and ${design.edges.length} connections`}>
      <defs>
        <marker id="dp-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" className="dp-arrow" />
        </marker>
      </defs>
      {design.edges.map((e) => {
        const a = pos.get(e.from);
        const b = pos.get(e.to);
        if (!a || !b) return null;
        return <line key={`${e.from}->${e.to}`} x1={a.x + W} y1={a.y + H / 2} x2={b.x} y2={b.y + H / 2} className="dp-edge" markerEnd="url(#dp-arrow)" />;
      })}
      {placed.nodes.map((n) => {
        const p = pos.get(n.id)!;
        const k = getKind(n.kind);
        return (
          <g key={n.id} transform={`translate(${p.x},${p.y})`} className={`dp-node stage-${k?.stage ?? 'serving'}`}>
            <rect width={W} height={H} rx={8} />
            <text x={12} y={23} className="dp-label">{(n.label ?? k?.label ?? n.kind).slice(0, 26)}</text>
            <text x={12} y={42} className="dp-kind">{k?.label ?? n.kind}{n.replicas && n.replicas > 1 ? ` × ${n.replicas}` : ''}</text>
          </g>
        );
      })}
    </svg>
  );
}
