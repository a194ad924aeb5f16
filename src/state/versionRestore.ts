import { readContent } from '../domain/history/content.ts';
import { MAX_VERSION_NAME, type VersionSnapshot } from '../domain/history/format.ts';
import { setMarkdown, useDoc } from './docStore.ts';
import { snapshotBeforeRestore } from './versionStore.ts';
import { applyEdit, notify, undoEdit, useWorkspace } from './workspaceStore.ts';

function label(v: VersionSnapshot): string {
  return v.name ? `“${v.name}”` : `the version from ${new Date(v.createdAt).toLocaleString()}`;
}

const beforeName = (v: VersionSnapshot) => `Before restoring ${label(v)}`.slice(0, MAX_VERSION_NAME);

/**
 * Restore a design version as ONE undoable edit (Ctrl+Z brings the present back). The present is kept as a
 * version first. The design keeps its current name: a name is how the Library knows it, not content.
 */
export async function restoreDesignVersion(v: VersionSnapshot): Promise<string | null> {
  const s = useWorkspace.getState();
  if (v.targetKind !== 'design' || s.designId !== v.targetId || !s.history) return 'This version belongs to another design.';
  const read = readContent('design', v.content);
  if (read?.kind !== 'design') return 'This version cannot be read by this version of the app.';
  const current = s.history.present;
  try {
    await snapshotBeforeRestore(v.targetId, { kind: 'design', design: current }, beforeName(v));
  } catch (err) {
    console.warn('Could not keep the present as a version before restoring:', err);
  }
  if (useWorkspace.getState().history?.present !== current) return 'The design changed meanwhile; try again.';
  const restored = { ...read.design, name: current.name };
  applyEdit(() => restored);
  notify(`Restored ${label(v)}.`, 'info', { label: 'Undo', run: () => useWorkspace.getState().history?.present === restored && undoEdit() }, 10_000);
  return null;
}

/**
 * Restore a doc version's text. The editor records the change in its own undo history (Ctrl+Z in the editor),
 * and the toast's Undo puts the previous text back as long as nothing was typed since.
 */
export async function restoreDocVersion(v: VersionSnapshot): Promise<string | null> {
  const doc = useDoc.getState().doc;
  if (v.targetKind !== 'doc' || doc?.id !== v.targetId) return 'This version belongs to another doc.';
  const read = readContent('doc', v.content);
  if (read?.kind !== 'doc') return 'This version cannot be read by this version of the app.';
  try {
    await snapshotBeforeRestore(v.targetId, { kind: 'doc', doc }, beforeName(v));
  } catch (err) {
    console.warn('Could not keep the present as a version before restoring:', err);
  }
  const previous = doc.markdown;
  const restored = read.doc.markdown;
  setMarkdown(restored);
  notify(`Restored ${label(v)}.`, 'info', { label: 'Undo', run: () => useDoc.getState().doc?.markdown === restored && setMarkdown(previous) }, 10_000);
  return null;
}
