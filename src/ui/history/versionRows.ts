import { useMemo } from 'react';
import { readContent, type VersionContent } from '../../domain/history/content.ts';
import { describeDiff, diffContent, diffIsEmpty } from '../../domain/history/diff.ts';
import type { TargetKind, VersionSnapshot } from '../../domain/history/format.ts';

export interface VersionRow {
  v: VersionSnapshot;
  /** Null when the stored content does not read (made by a newer app, or damaged). */
  content: VersionContent | null;
  /** What changed from this version to now. */
  summary: string;
  sameAsNow: boolean;
}

/** Versions with their content read once and compared with the present (re-done only when either changes). */
export function useVersionRows(kind: TargetKind, versions: VersionSnapshot[] | undefined, current: VersionContent | null): VersionRow[] {
  const read = useMemo(() => (versions ?? []).map((v) => ({ v, content: readContent(kind, v.content) })), [kind, versions]);
  return useMemo(
    () =>
      read.map(({ v, content }) => {
        const d = content && current ? diffContent(content, current) : null;
        if (!content) return { v, content, summary: 'Cannot be read by this version of the app', sameAsNow: false };
        return { v, content, summary: d ? (diffIsEmpty(d) ? 'Same as now' : `Since then: ${describeDiff(d)}`) : '', sameAsNow: !!d && diffIsEmpty(d) };
      }),
    [read, current],
  );
}
