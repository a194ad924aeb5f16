import type { Design } from '../design/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { freshName, freshSlug, renameDesign, renameScenario, renameTemplate, type FreshKey } from './rename.ts';
import type { Pack, PackTemplate } from './schema.ts';

/**
 * Importing a pack into a library that may already hold some of its items: first a plan (what is new, what
 * clashes and with what), then the person's choice per clash, then the final items. Pure: the storage layer
 * writes the outcome in one transaction.
 */

export type ImportChoice = 'keep-both' | 'replace' | 'skip';

/** What the library holds, by the key each kind is matched on. */
export interface ExistingLibrary {
  scenarioIds: Iterable<string>;
  /** Design files carry no id, so designs are matched by name, which is what the library lists. */
  designNames: Iterable<string>;
  templateIds: Iterable<string>;
}

interface PlannedBase {
  /** The scenario or template id, or the design name. */
  key: string;
  status: 'new' | 'conflict';
  /** The library item a conflict clashes with (the same key). */
  conflictsWith?: string;
  /** The key "keep both" gives the pack's copy; unique across the library and the whole pack. */
  fresh: FreshKey;
}

export type PlannedItem =
  | (PlannedBase & { kind: 'scenario'; value: Scenario })
  | (PlannedBase & { kind: 'design'; value: Design })
  | (PlannedBase & { kind: 'template'; value: PackTemplate });

export type ImportKind = PlannedItem['kind'];

export interface ImportPlan {
  /** Scenarios, then designs, then templates, each in pack order. */
  items: PlannedItem[];
  conflicts: number;
}

/** An item to write: `add` a new one, or `replace` the library item with the same key. */
export type FinalItem = PlannedItem & { action: 'add' | 'replace'; renamedFrom?: string };

export interface ImportOutcome {
  scenarios: (FinalItem & { kind: 'scenario' })[];
  designs: (FinalItem & { kind: 'design' })[];
  templates: (FinalItem & { kind: 'template' })[];
  skipped: number;
}

/** Status and fresh key for each key of one kind, in order. */
function planKeys(keys: readonly string[], have: Iterable<string>, fresh: (key: string, taken: ReadonlySet<string>) => FreshKey): PlannedBase[] {
  const library = new Set(have);
  // A fresh key must clash with nothing: not the library, not another pack item, not an earlier fresh key.
  const taken = new Set([...library, ...keys]);
  return keys.map((key) => {
    const f = fresh(key, taken);
    taken.add(f.key);
    return library.has(key) ? { key, status: 'conflict', conflictsWith: key, fresh: f } : { key, status: 'new', fresh: f };
  });
}

export function planImport(pack: Pack, existing: ExistingLibrary): ImportPlan {
  const designs = pack.designs ?? [];
  const templates = pack.templates ?? [];
  const s = planKeys(pack.scenarios.map((x) => x.id), existing.scenarioIds, freshSlug);
  const d = planKeys(designs.map((x) => x.name), existing.designNames, (k, t) => freshName(k, t, 200));
  const t = planKeys(templates.map((x) => x.id), existing.templateIds, freshSlug);
  const items: PlannedItem[] = [
    ...pack.scenarios.map((value, i) => ({ ...s[i]!, kind: 'scenario' as const, value })),
    ...designs.map((value, i) => ({ ...d[i]!, kind: 'design' as const, value })),
    ...templates.map((value, i) => ({ ...t[i]!, kind: 'template' as const, value })),
  ];
  return { items, conflicts: items.filter((i) => i.status === 'conflict').length };
}

/**
 * The item to write for one choice, or null to leave it out. A new item is added whatever the choice, unless
 * skipped; "replace" overwrites the library item; "keep both" adds a copy under the plan's fresh key.
 * Links between items (a design's scenarioId) are rewired by applyChoices, which sees them all.
 */
export function applyChoice(item: PlannedItem, choice: ImportChoice): FinalItem | null {
  if (choice === 'skip') return null;
  if (item.status === 'new') return { ...item, action: 'add' };
  if (choice === 'replace') return { ...item, action: 'replace' };
  const renamed = { ...item, action: 'add' as const, key: item.fresh.key, renamedFrom: item.key };
  switch (item.kind) {
    case 'scenario':
      return { ...renamed, kind: 'scenario', value: renameScenario(item.value, item.fresh) };
    case 'design':
      return { ...renamed, kind: 'design', value: renameDesign(item.value, item.fresh) };
    case 'template':
      return { ...renamed, kind: 'template', value: renameTemplate(item.value, item.fresh) };
  }
}

/**
 * Apply a choice to every item (`choose` is asked for each; new items usually answer 'keep-both'). A pack design
 * that named a scenario the import renamed now names the copy, so it stays with the scenario it came with.
 */
export function applyChoices(plan: ImportPlan, choose: (item: PlannedItem) => ImportChoice): ImportOutcome {
  const out: ImportOutcome = { scenarios: [], designs: [], templates: [], skipped: 0 };
  const finals = plan.items.map((item) => applyChoice(item, choose(item)));
  const renamedScenario = new Map<string, string>();
  for (const f of finals) if (f?.kind === 'scenario' && f.renamedFrom !== undefined) renamedScenario.set(f.renamedFrom, f.key);
  for (const f of finals) {
    if (f === null) out.skipped++;
    else if (f.kind === 'scenario') out.scenarios.push(f);
    else if (f.kind === 'template') out.templates.push(f);
    else {
      const to = f.value.scenarioId === undefined ? undefined : renamedScenario.get(f.value.scenarioId);
      out.designs.push(to === undefined ? f : { ...f, value: { ...f.value, scenarioId: to } });
    }
  }
  return out;
}
