import type { ImportOutcome } from '../domain/pack/merge.ts';
import type { StudioDb } from './db.ts';
import { newId } from './ids.ts';

export interface PackImportResult {
  scenarios: number;
  designs: number;
  templates: number;
}

/**
 * Write what the person chose to import, in one IndexedDB transaction: if any write fails (a full disk,
 * bad data) nothing from the pack is kept and the library is as it was.
 */
export async function applyPackImport(db: StudioDb, outcome: ImportOutcome, packId: string, editor: string, now = Date.now()): Promise<PackImportResult> {
  return db.transaction('rw', [db.designs, db.scenarios, db.templates], async () => {
    for (const s of outcome.scenarios) await db.scenarios.put({ id: s.value.id, packId, addedAt: now, scenario: s.value });
    for (const t of outcome.templates) await db.templates.put({ id: t.value.id, packId, addedAt: now, text: t.value.text });
    for (const d of outcome.designs) {
      const existing = d.action === 'replace' ? await db.designs.where('name').equals(d.value.name).first() : undefined;
      if (existing) await db.designs.put({ ...existing, updatedAt: now, rev: existing.rev + 1, editor, design: d.value });
      else await db.designs.add({ id: newId(), name: d.value.name, createdAt: now, updatedAt: now, rev: 1, editor, design: d.value });
    }
    return { scenarios: outcome.scenarios.length, designs: outcome.designs.length, templates: outcome.templates.length };
  });
}

/** The keys a pack's items are matched against: stored scenarios and templates plus the bundled ones. */
export async function libraryKeys(db: StudioDb, bundled: { scenarioIds: Iterable<string>; templateIds: Iterable<string> }) {
  const [scenarios, templates, designs] = await Promise.all([db.scenarios.toCollection().primaryKeys(), db.templates.toCollection().primaryKeys(), db.designs.toArray()]);
  return {
    scenarioIds: new Set([...bundled.scenarioIds, ...scenarios]),
    templateIds: new Set([...bundled.templateIds, ...templates]),
    designNames: new Set(designs.map((d) => d.name)),
  };
}
