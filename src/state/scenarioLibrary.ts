import { liveQuery } from 'dexie';
import { create } from 'zustand';
import { readScenario } from '../domain/scenario/format.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import { getDb } from '../storage/db.ts';

// The scenario files are bundled as lazy chunks: the first screen does not pay for them.
const FILES = import.meta.glob<unknown>('../../scenarios/*.scenario.json', { import: 'default' });

export interface LibraryScenario {
  scenario: Scenario;
  /** 'bundled', or the id of the pack it was imported from. */
  source: string;
}

interface ScenarioLibraryState {
  status: 'idle' | 'loading' | 'ready';
  /** Bundled scenarios and imported ones; an imported scenario with a bundled id replaces it. */
  scenarios: Scenario[];
  entries: LibraryScenario[];
  bundledIds: string[];
  /** Files or records that failed validation, with the reason: shown, never silently dropped. */
  problems: { file: string; message: string }[];
}

export const useScenarioLibrary = create<ScenarioLibraryState>(() => ({ status: 'idle', scenarios: [], entries: [], bundledIds: [], problems: [] }));

let bundled: { scenarios: Scenario[]; problems: { file: string; message: string }[] } | null = null;
let stored: { entries: LibraryScenario[]; problems: { file: string; message: string }[] } = { entries: [], problems: [] };

function publish(): void {
  if (!bundled) return;
  const ids = new Set(stored.entries.map((e) => e.scenario.id));
  const entries = [...bundled.scenarios.filter((s) => !ids.has(s.id)).map((scenario) => ({ scenario, source: 'bundled' })), ...stored.entries].sort((a, b) => a.scenario.title.localeCompare(b.scenario.title));
  useScenarioLibrary.setState({ status: 'ready', entries, scenarios: entries.map((e) => e.scenario), bundledIds: bundled.scenarios.map((s) => s.id), problems: [...bundled.problems, ...stored.problems] });
}

let loading: Promise<void> | null = null;

/** Load and validate every bundled scenario once, and follow the imported ones in IndexedDB. */
export function loadScenarios(): Promise<void> {
  loading ??= (async () => {
    useScenarioLibrary.setState({ status: 'loading' });
    const read = await Promise.all(Object.entries(FILES).map(async ([path, load]) => ({ file: path.split('/').pop()!, r: readScenario(await load()) })));
    bundled = {
      scenarios: read.flatMap((e) => (e.r.ok ? [e.r.value] : [])),
      problems: read.flatMap((e) => (e.r.ok ? [] : [{ file: e.file, message: e.r.message }])),
    };
    await new Promise<void>((resolve) => {
      liveQuery(() => getDb().scenarios.toArray()).subscribe({
        next: (rows) => {
          const checked = rows.map((r) => ({ r, read: readScenario(r.scenario) }));
          stored = {
            entries: checked.flatMap(({ r, read }) => (read.ok ? [{ scenario: read.value, source: r.packId }] : [])),
            problems: checked.flatMap(({ r, read }) => (read.ok ? [] : [{ file: `imported scenario "${r.id}"`, message: read.message }])),
          };
          publish();
          resolve();
        },
        error: () => {
          publish();
          resolve();
        },
      });
    });
  })();
  return loading;
}

