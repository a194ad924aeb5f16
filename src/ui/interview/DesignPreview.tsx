import { designToSvg } from '../../domain/diagram/svg.ts';
import type { Design } from '../../domain/design/schema.ts';
import { useTheme } from '../app/theme.ts';

/** A read-only picture of a frozen design: the same SVG the diagram export writes, shown as an image. */
export function DesignPreview({ design }: { design: Design }) {
  const { theme } = useTheme();
  if (design.nodes.length === 0) return <p className="muted">The canvas was empty.</p>;
  const { svg, width, height } = designToSvg(design, theme);
  return <img className="design-preview" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} width={width} height={height} alt={`Design with ${design.nodes.length} components and ${design.edges.length} connections`} />;
}
