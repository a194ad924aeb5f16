import { useEffect, useMemo, useState } from 'react';
import { liveQuery } from 'dexie';
import { estimateDesign } from '../../domain/capacity/index.ts';
import { capacityProfiles } from '../../domain/calibration/forDesign.ts';
import { readDesign } from '../../domain/design/format.ts';
import type { Design } from '../../domain/design/schema.ts';
import type { BlockContext } from '../../domain/doc/blockContext.ts';
import { designToMermaid } from '../../domain/export/mermaidExport.ts';
import { getDb } from '../../storage/db.ts';
import { useProfiles, watchProfiles } from '../../state/profilesStore.ts';

export type DocDesign = { status: 'none' } | { status: 'loading' } | { status: 'missing' } | { status: 'invalid'; message: string } | { status: 'ready'; design: Design; ctx: BlockContext };

/**
 * The attached design, kept live from IndexedDB: an edit on the canvas (this tab or another) re-renders the
 * doc's diagram and tables. The estimate uses the same calibrations as the workspace.
 */
export function useDocDesign(designId: string | null): DocDesign {
  const [raw, setRaw] = useState<{ id: string; value: unknown } | null | undefined>(undefined);
  const profiles = useProfiles((s) => s.profiles);
  useEffect(() => {
    watchProfiles();
    if (!designId) return;
    setRaw(undefined);
    const sub = liveQuery(() => getDb().designs.get(designId)).subscribe({
      next: (rec) => setRaw(rec ? { id: designId, value: rec.design } : null),
      error: () => setRaw(null),
    });
    return () => sub.unsubscribe();
  }, [designId]);
  return useMemo<DocDesign>(() => {
    if (!designId) return { status: 'none' };
    if (raw === undefined || (raw && raw.id !== designId)) return { status: 'loading' };
    if (raw === null) return { status: 'missing' };
    const r = readDesign(raw.value);
    if (!r.ok) return { status: 'invalid', message: r.message };
    const design = r.value;
    const estimate = estimateDesign(design, { profiles: capacityProfiles(design, profiles) });
    return { status: 'ready', design, ctx: { design, estimate, mermaid: designToMermaid(design) } };
  }, [designId, raw, profiles]);
}
