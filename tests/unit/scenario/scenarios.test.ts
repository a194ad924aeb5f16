import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDesign } from '../../../src/domain/capacity/estimate.ts';
import { readDesign } from '../../../src/domain/design/format.ts';
import { FOLLOW_UP_BANK } from '../../../src/domain/scenario/bank.ts';
import { checkScenario } from '../../../src/domain/scenario/check.ts';
import { readScenario } from '../../../src/domain/scenario/format.ts';
import { followUpSchema } from '../../../src/domain/scenario/schema.ts';
import { loadScenarioDir } from '../../../src/cli/scenario/loadDir.ts';

const files = loadScenarioDir('scenarios', (p) => readFileSync(p, 'utf8'));

describe('scenario library', () => {
  it('has at least ten scenarios, each valid against the schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(f.ok ? 'ok' : `${f.file}: ${f.message}`).toBe('ok');
  });

  it('covers the required topics', () => {
    const ids = files.flatMap((f) => (f.ok ? [f.scenario.id] : []));
    for (const id of ['recommender', 'toxicity-detection', 'anomaly-detection', 'image-classification', 'fraud-detection', 'churn-prediction', 'search-ranking', 'multimodal', 'llm-assistant', 'distributed-training']) {
      expect(ids).toContain(id);
    }
  });

  it.each(files.filter((f) => f.ok).map((f) => [f.file, f.ok ? f.scenario : null] as const))('%s: reference design loads and meets its budget', (_file, s) => {
    const design = readDesign(s!.referenceDesign);
    expect(design.ok).toBe(true);
    const est = estimateDesign(s!.referenceDesign);
    expect(est.endToEnd.p99Ms).not.toBeNull();
    expect(Number.isFinite(est.endToEnd.p99Ms)).toBe(true);
    expect(est.endToEnd.p99Ms!).toBeLessThanOrEqual(s!.latencyBudgetMs);
    const check = checkScenario(s!);
    expect(check.problems).toEqual([]);
  });

  it('scenario ids and file names agree', () => {
    for (const f of files) if (f.ok) expect(f.file).toBe(`${f.scenario.id}.scenario.json`);
  });

  it('refuses a scenario whose reference design names another scenario, with the path', () => {
    const raw = JSON.parse(readFileSync('scenarios/anomaly-detection.scenario.json', 'utf8'));
    raw.referenceDesign.scenarioId = 'other';
    const r = readScenario(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe('referenceDesign.scenarioId');
  });

  it('refuses an unknown component kind and a newer version', () => {
    const raw = JSON.parse(readFileSync('scenarios/anomaly-detection.scenario.json', 'utf8'));
    raw.components[0].kind = 'teleporter';
    expect(readScenario(raw)).toMatchObject({ ok: false, path: 'components[0].kind' });
    expect(readScenario({ ...raw, version: 99 })).toMatchObject({ ok: false, reason: 'too-new' });
  });

  it('the follow-up bank is valid and its ids are unique', () => {
    for (const f of FOLLOW_UP_BANK) expect(followUpSchema.safeParse(f).success).toBe(true);
    expect(new Set(FOLLOW_UP_BANK.map((f) => f.id)).size).toBe(FOLLOW_UP_BANK.length);
  });

  it('the check reports a budget the reference design misses', () => {
    const f = files.find((x) => x.ok && x.scenario.id === 'anomaly-detection');
    if (!f?.ok) throw new Error('anomaly-detection missing');
    const tight = { ...f.scenario, latencyBudgetMs: 1 };
    const c = checkScenario(tight);
    expect(c.ok).toBe(false);
    expect(c.problems.join(' ')).toMatch(/over the 1 ms budget/);
  });
});
