import { useRef } from 'react';
import { exportDesign } from './editActions.ts';
import { exportPng, exportSvg } from './diagramExport.ts';
import { copyMermaid, downloadMermaid } from './mermaidActions.ts';

/** One menu for every way out of the canvas: the design file, Mermaid text, and pictures. */
export function ExportMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  const run = (fn: () => unknown) => () => {
    if (ref.current) ref.current.open = false;
    void fn();
  };
  return (
    <details className="menu" ref={ref}>
      <summary className="btn" aria-label="Export">Export ▾</summary>
      <div className="menu-list" role="menu" aria-label="Export">
        <button type="button" role="menuitem" onClick={run(exportDesign)}>Design file (.mlsd.json)</button>
        <button type="button" role="menuitem" onClick={run(copyMermaid)}>Copy as Mermaid</button>
        <button type="button" role="menuitem" onClick={run(downloadMermaid)}>Mermaid file (.mmd)</button>
        <button type="button" role="menuitem" onClick={run(exportSvg)}>Picture (SVG)</button>
        <button type="button" role="menuitem" onClick={run(exportPng)}>Picture (PNG, 2×)</button>
      </div>
    </details>
  );
}
