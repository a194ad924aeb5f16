import { readVersioned, readVersionedText, type ReadResult, type VersionedSpec } from '../versioning/readVersioned.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema.ts';

export const scenarioSpec: VersionedSpec<Scenario> = {
  format: SCENARIO_FORMAT,
  noun: 'scenario',
  currentVersion: SCENARIO_VERSION,
  migrations: {},
  schema: scenarioSchema as unknown as VersionedSpec<Scenario>['schema'],
};

export const readScenario = (raw: unknown): ReadResult<Scenario> => readVersioned(raw, scenarioSpec);
export const readScenarioText = (text: string): ReadResult<Scenario> => readVersionedText(text, scenarioSpec);
