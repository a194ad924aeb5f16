// Writes the example packs in packs/ from the bundled scenarios and templates: `npx tsx scripts/pack-example.ts`.
// A unit test rebuilds them with starterPackText() and compares, so they never drift from their sources.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packToFileText } from '../src/domain/pack/format.ts';
import { packFromFiles } from '../src/domain/pack/fromFiles.ts';

export const STARTER_FILE = 'packs/ml-interview-starter.mlsd-pack.json';

export const STARTER = {
  id: 'ml-interview-starter',
  title: 'ML interview starter',
  author: 'MLSD Studio',
  description: 'Three classic ML system-design interviews (fraud detection in the payment path, nightly churn scoring, a home-feed recommender) with their reference designs, and a one-page brief template for writing one up.',
  scenarios: ['fraud-detection', 'churn-prediction', 'recommender'],
  templates: ['one-page-brief'],
};

/** The starter pack's file text, built from the files under `root`. */
export function starterPackText(root = '.'): string {
  const read = (path: string) => ({ name: path, text: readFileSync(join(root, path), 'utf8') });
  const { scenarios, templates, ...meta } = STARTER;
  const r = packFromFiles(meta, {
    scenarios: scenarios.map((id) => read(`scenarios/${id}.scenario.json`)),
    templates: templates.map((id) => read(`templates/${id}.md`)),
  });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return packToFileText(r.pack);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = starterPackText();
  writeFileSync(STARTER_FILE, text);
  console.log(`wrote ${STARTER_FILE} (${text.length} characters)`);
}
