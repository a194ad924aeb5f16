import { buildPack } from '../../domain/pack/build.ts';
import { packFileName, packToFileText, readPackText } from '../../domain/pack/format.ts';
import { packSizeProblem } from '../../domain/pack/guards.ts';
import { applyChoices, planImport, type ImportChoice, type ImportPlan, type PlannedItem } from '../../domain/pack/merge.ts';
import type { Pack } from '../../domain/pack/schema.ts';
import { decodeShare, encodeShare } from '../../domain/pack/share.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { getDb } from '../../storage/db.ts';
import { applyPackImport, libraryKeys } from '../../storage/packImport.ts';
import { TAB_ID } from '../../state/services.ts';
import { useScenarioLibrary } from '../../state/scenarioLibrary.ts';
import { loadTemplates, useTemplates } from '../../state/templateLibrary.ts';
import { notify } from '../../state/workspaceStore.ts';
import { downloadText, readFileText } from '../shared/files.ts';
import { storageErrorMessage } from '../../storage/errors.ts';

/** Read a pack file: refused from its size alone when too big, then validated. Returns the pack or the reason. */
export async function readPackFile(f: File): Promise<{ ok: true; pack: Pack } | { ok: false; message: string }> {
  const big = packSizeProblem(f.size);
  if (big) return { ok: false, message: `"${f.name}" was not imported. ${big}` };
  const file = await readFileText(f);
  if (!file.ok) return file;
  const r = readPackText(file.text);
  return r.ok ? { ok: true, pack: r.value } : { ok: false, message: `"${f.name}" was not imported. ${r.message}` };
}

export async function planPack(pack: Pack): Promise<ImportPlan> {
  // Bundled scenarios and templates count as taken ids, as stored ones do.
  await loadTemplates();
  const keys = await libraryKeys(getDb(), { scenarioIds: useScenarioLibrary.getState().bundledIds, templateIds: useTemplates.getState().bundledIds });
  return planImport(pack, keys);
}

export async function importPlanned(pack: Pack, plan: ImportPlan, choose: (item: PlannedItem) => ImportChoice): Promise<string | null> {
  try {
    const outcome = applyChoices(plan, choose);
    const r = await applyPackImport(getDb(), outcome, pack.id, TAB_ID);
    notify(`Imported "${pack.title}": ${r.scenarios} scenario(s), ${r.designs} design(s), ${r.templates} template(s)${outcome.skipped ? `; ${outcome.skipped} skipped` : ''}.`);
    return null;
  } catch (err) {
    // The import is one transaction: on failure nothing was written.
    return storageErrorMessage('Nothing was imported', err);
  }
}

function packOf(scenarios: Scenario[], title: string) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return buildPack({ id: slug.length >= 2 ? slug : 'my-pack', title, scenarios, designs: scenarios.map((s) => s.referenceDesign), createdAt: new Date().toISOString() });
}

/** A pack of the chosen scenarios with their reference designs, downloaded as a file. */
export function exportPack(scenarios: Scenario[], title: string): string | null {
  const r = packOf(scenarios, title);
  if (!r.ok) return r.message;
  downloadText(packFileName(r.value), packToFileText(r.value));
  return null;
}

/** The same pack in a link (compressed into the URL fragment, which never reaches a server), copied. */
export async function shareLink(scenarios: Scenario[], title: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const r = packOf(scenarios, title);
  if (!r.ok) return { ok: false, message: r.message };
  const enc = await encodeShare(r.value);
  if (!enc.ok) return { ok: false, message: `${enc.message} Export a file instead.` };
  const url = `${location.origin}/interview#pack=${enc.fragment}`;
  try {
    await navigator.clipboard.writeText(url);
    notify('Copied the share link.');
  } catch {
    notify(`Copy this link: ${url}`, 'info', undefined, 0);
  }
  return { ok: true };
}

/** A pack from a share link's fragment ("#pack=…"), validated like a file. */
export async function readShareFragment(hash: string): Promise<{ ok: true; pack: Pack } | { ok: false; message: string } | null> {
  const m = /^#pack=(.+)$/s.exec(hash);
  if (!m) return null;
  const r = await decodeShare(m[1]!);
  return r.ok ? { ok: true, pack: r.value } : { ok: false, message: `This share link does not hold a usable pack. ${r.message}` };
}
