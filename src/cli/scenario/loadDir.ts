import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readScenarioText } from '../../domain/scenario/format.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';

export type LoadedScenarioFile = { file: string; ok: true; scenario: Scenario } | { file: string; ok: false; message: string };

/** Every `*.scenario.json` in a folder, read and validated; a bad file is reported, never skipped. */
export function loadScenarioDir(dir: string, readFile: (path: string) => string): LoadedScenarioFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.scenario.json')).sort();
  return files.map((file) => {
    const r = readScenarioText(readFile(join(dir, file)));
    return r.ok ? { file, ok: true, scenario: r.value } : { file, ok: false, message: `${r.path ? `${r.path}: ` : ''}${r.message}` };
  });
}
