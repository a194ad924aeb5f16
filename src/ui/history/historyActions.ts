import type { VersionContent } from '../../domain/history/content.ts';
import type { VersionSnapshot } from '../../domain/history/format.ts';
import { restoreDesignVersion, restoreDocVersion } from '../../state/versionRestore.ts';
import { forgetTarget, saveNamedVersion, versionsRepo } from '../../state/versionStore.ts';
import { notify } from '../../state/workspaceStore.ts';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Each action returns the problem to show in the dialog, or null when it worked. */
export async function saveVersion(targetId: string, content: VersionContent, name: string): Promise<{ id: string } | { error: string }> {
  try {
    const v = await saveNamedVersion(targetId, content, name);
    notify(`Saved version “${v.name}”.`);
    return { id: v.id };
  } catch (err) {
    return { error: `Could not save the version: ${message(err)}` };
  }
}

export async function renameVersion(v: VersionSnapshot, name: string): Promise<string | null> {
  try {
    await versionsRepo().rename(v.id, name);
    forgetTarget(v.targetKind, v.targetId);
    return null;
  } catch (err) {
    return `Could not rename: ${message(err)}`;
  }
}

export async function deleteVersion(v: VersionSnapshot): Promise<string | null> {
  try {
    const removed = await versionsRepo().remove(v.id);
    forgetTarget(v.targetKind, v.targetId);
    if (removed) {
      const undo = () => void versionsRepo().restore(removed).then(() => forgetTarget(v.targetKind, v.targetId));
      notify(`Deleted version “${v.name ?? 'Auto-saved'}”.`, 'info', { label: 'Undo', run: undo }, 10_000);
    }
    return null;
  } catch (err) {
    return `Could not delete: ${message(err)}`;
  }
}

export function restoreVersion(v: VersionSnapshot): Promise<string | null> {
  return (v.targetKind === 'design' ? restoreDesignVersion(v) : restoreDocVersion(v)).catch((err: unknown) => `Could not restore: ${message(err)}`);
}
