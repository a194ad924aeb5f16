import { designToSvg } from '../../domain/diagram/svg.ts';
import type { Design } from '../../domain/design/schema.ts';
import { useTheme } from '../app/theme.ts';

/** A read-only picture of the version: the same SVG the diagram export writes, shown as an image. */
export function DesignVersionPreview({ design }: { design: Design }) {
  const { theme } = useTheme();
  if (design.nodes.length === 0) return <p className="muted">The canvas was empty.</p>;
  const { svg, width, height } = designToSvg(design, theme);
  return (
    <img
      className="history-design"
      data-testid="version-preview-design"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      width={width}
      height={height}
      alt={`Version with ${design.nodes.length} components and ${design.edges.length} connections`}
    />
  );
}
