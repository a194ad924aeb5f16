import { emptyDesign } from '../../domain/design/ops.ts';
import { exampleDesign } from '../../domain/design/examples.ts';
import { importDesignFile, MAX_DESIGN_FILE_BYTES } from '../../domain/design/importFile.ts';
import type { Design } from '../../domain/design/schema.ts';
import { designsRepo, TAB_ID } from '../../state/services.ts';
import { notify } from '../../state/workspaceStore.ts';
import { navigate } from '../app/router.ts';
import { pickFile, readFileText } from '../shared/files.ts';
import { storageErrorMessage } from '../../storage/errors.ts';

export async function createAndOpen(design: Design): Promise<void> {
  const id = await designsRepo().create(design, TAB_ID);
  navigate(`/design/${encodeURIComponent(id)}`);
}

export const newBlankDesign = () => createAndOpen(emptyDesign('Untitled design'));
export const newExampleDesign = () => createAndOpen(exampleDesign());

/** Import a design file. On any problem, show it and change nothing. Returns the error text, if any. */
export async function importDesignFromFile(file?: File | null): Promise<string | null> {
  const f = file ?? (await pickFile('.json,application/json'));
  if (!f) return null;
  // Too-large files are refused by importDesignFile from their size alone; do not read them into memory.
  const read = f.size > MAX_DESIGN_FILE_BYTES ? { ok: true as const, text: '' } : await readFileText(f);
  if (!read.ok) {
    notify(read.message, 'error', undefined, 0);
    return read.message;
  }
  const r = importDesignFile(read.text, f.size);
  if (!r.ok) {
    const msg = `"${f.name}" was not imported. ${r.message}`;
    notify(msg, 'error', undefined, 0);
    return msg;
  }
  try {
    await createAndOpen(r.value);
  } catch (err) {
    const msg = storageErrorMessage(`"${f.name}" was not imported`, err);
    notify(msg, 'error', undefined, 0);
    return msg;
  }
  notify(r.migratedFrom ? `Imported "${r.value.name}" (upgraded from format version ${r.migratedFrom}).` : `Imported "${r.value.name}".`);
  return null;
}

export async function deleteWithUndo(id: string, name: string): Promise<void> {
  const removed = await designsRepo().remove(id);
  if (!removed) return;
  notify(`Deleted "${name}".`, 'info', { label: 'Undo', run: () => void designsRepo().restore(removed) }, 10_000);
}
