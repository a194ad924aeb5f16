import type { DesignSummary } from '../../storage/designsRepo.ts';

export type SortKey = 'updated' | 'name' | 'created';

export function filterAndSort(items: readonly DesignSummary[], query: string, sort: SortKey): DesignSummary[] {
  const q = query.trim().toLowerCase();
  const hits = q ? items.filter((i) => i.name.toLowerCase().includes(q)) : [...items];
  const by: Record<SortKey, (a: DesignSummary, b: DesignSummary) => number> = {
    updated: (a, b) => b.updatedAt - a.updatedAt,
    created: (a, b) => b.createdAt - a.createdAt,
    name: (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }),
  };
  return hits.sort(by[sort]);
}
