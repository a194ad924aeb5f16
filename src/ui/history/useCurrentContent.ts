import { useMemo } from 'react';
import type { VersionContent } from '../../domain/history/content.ts';
import type { TargetKind } from '../../domain/history/format.ts';
import { useDoc } from '../../state/docStore.ts';
import { selectDesign, useWorkspace } from '../../state/workspaceStore.ts';

/** The open design or doc as it is now (unsaved edits included): what versions are compared with and saved from. */
export function useCurrentContent(kind: TargetKind, targetId: string): VersionContent | null {
  const design = useWorkspace(selectDesign);
  const designId = useWorkspace((s) => s.designId);
  const doc = useDoc((s) => s.doc);
  return useMemo<VersionContent | null>(() => {
    if (kind === 'design') return design && designId === targetId ? { kind, design } : null;
    return doc?.id === targetId ? { kind, doc } : null;
  }, [kind, targetId, design, designId, doc]);
}
