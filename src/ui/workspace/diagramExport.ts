import { designToSvg } from '../../domain/diagram/svg.ts';
import { fileBaseName as baseName } from '../../domain/design/format.ts';
import { notify, useWorkspace } from '../../state/workspaceStore.ts';
import { resolvedTheme } from '../app/theme.ts';
import { svgToPng } from '../docs/render/rasterize.ts';
import { downloadBlob, downloadText } from '../shared/files.ts';

function present() {
  return useWorkspace.getState().history?.present ?? null;
}

/** The diagram as drawn on the canvas, as an SVG file. */
export function exportSvg(): void {
  const d = present();
  if (!d) return;
  const { svg } = designToSvg(d, resolvedTheme());
  downloadText(`${baseName(d.name)}.svg`, svg, 'image/svg+xml');
}

/** The same drawing at twice the size, as a PNG. */
export async function exportPng(): Promise<void> {
  const d = present();
  if (!d) return;
  const { svg, width, height } = designToSvg(d, resolvedTheme());
  try {
    downloadBlob(`${baseName(d.name)}.png`, await svgToPng(svg, width, height, 2));
  } catch (err) {
    notify(`Could not make the PNG: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}
