import { designToMermaid } from '../../domain/export/mermaidExport.ts';
import { mermaidToDesign } from '../../domain/export/mermaidImport.ts';
import { fileBaseName } from '../../domain/design/format.ts';
import { notify, useWorkspace } from '../../state/workspaceStore.ts';
import { downloadText } from '../shared/files.ts';
import { createAndOpen } from '../library/libraryActions.ts';

const present = () => useWorkspace.getState().history?.present ?? null;

export async function copyMermaid(): Promise<void> {
  const d = present();
  if (!d) return;
  try {
    await navigator.clipboard.writeText(designToMermaid(d));
    notify('Copied the Mermaid flowchart. Paste it into a README or Mermaid Live.');
  } catch {
    notify('The browser refused clipboard access: use "Mermaid file (.mmd)" instead.', 'warning');
  }
}

export function downloadMermaid(): void {
  const d = present();
  if (d) downloadText(`${fileBaseName(d.name)}.mmd`, designToMermaid(d), 'text/plain');
}

/** Import Mermaid text as a new design. Returns the problem (with its line) when it cannot. */
export async function importMermaidText(text: string, name?: string): Promise<string | null> {
  const r = mermaidToDesign(text, name ? { name } : {});
  if (!r.ok) return `Line ${r.line}: ${r.message}`;
  await createAndOpen(r.design);
  notify(r.warnings.length ? `Imported ${r.design.nodes.length} components. ${r.warnings[0]}${r.warnings.length > 1 ? ` (+${r.warnings.length - 1} more notes)` : ''}` : `Imported ${r.design.nodes.length} components from Mermaid.`);
  return null;
}
