import { create } from 'zustand';
import { readScenario } from '../domain/scenario/format.ts';
import type { Scenario } from '../domain/scenario/schema.ts';

// The scenario files are bundled as lazy chunks: the first screen does not pay for them.
const FILES = import.meta.glob<unknown>('../../scenarios/*.scenario.json', { import: 'default' });

interface ScenarioLibraryState {
  status: 'idle' | 'loading' | 'ready';
  scenarios: Scenario[];
  /** Files that failed validation, with the reason: shown, never silently dropped. */
  problems: { file: string; message: string }[];
}

export const useScenarioLibrary = create<ScenarioLibraryState>(() => ({ status: 'idle', scenarios: [], problems: [] }));

let loading: Promise<void> | null = null;

/** Load and validate every bundled scenario once. */
export function loadScenarios(): Promise<void> {
  loading ??= (async () => {
    useScenarioLibrary.setState({ status: 'loading' });
    const entries = await Promise.all(Object.entries(FILES).map(async ([path, load]) => ({ file: path.split('/').pop()!, r: readScenario(await load()) })));
    const scenarios = entries.flatMap((e) => (e.r.ok ? [e.r.value] : [])).sort((a, b) => a.title.localeCompare(b.title));
    const problems = entries.flatMap((e) => (e.r.ok ? [] : [{ file: e.file, message: e.r.message }]));
    useScenarioLibrary.setState({ status: 'ready', scenarios, problems });
  })();
  return loading;
}

export const findScenario = (id: string): Scenario | undefined => useScenarioLibrary.getState().scenarios.find((s) => s.id === id);
