import { newDoc } from '../../domain/doc/newDoc.ts';
import type { DocTemplate } from '../../domain/doc/template.ts';
import { freezeDoc } from '../../domain/doc/blocks.ts';
import type { BlockContext } from '../../domain/doc/blockContext.ts';
import type { DesignDoc } from '../../domain/doc/format.ts';
import { fileBaseName } from '../../domain/design/format.ts';
import { newId } from '../../storage/ids.ts';
import { docsRepo } from '../../state/services.ts';
import { notify } from '../../state/workspaceStore.ts';
import { navigate } from '../app/router.ts';
import { downloadText } from '../shared/files.ts';
import { storageErrorMessage } from '../../storage/errors.ts';

export async function createDoc(template: DocTemplate, title: string, designId: string | null): Promise<void> {
  try {
    const doc = newDoc({ id: newId(), title, template, designId, now: Date.now() });
    await docsRepo().put(doc);
    navigate(`/doc/${encodeURIComponent(doc.id)}`);
  } catch (err) {
    notify(storageErrorMessage('Could not create the doc', err), 'error', undefined, 0);
  }
}

/** The exported file: live blocks frozen to today's values (Mermaid block, Markdown tables), guidance removed. */
export function exportDocMarkdown(doc: DesignDoc, ctx: BlockContext | null): void {
  downloadText(`${fileBaseName(doc.title)}.md`, freezeDoc(doc.markdown, ctx), 'text/markdown');
}

export async function deleteDoc(doc: DesignDoc): Promise<void> {
  const removed = await docsRepo().remove(doc.id);
  if (removed) notify(`Deleted "${doc.title}".`, 'info', { label: 'Undo', run: () => void docsRepo().restore(removed) }, 10_000);
}
