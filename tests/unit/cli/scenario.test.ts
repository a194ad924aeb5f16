import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlsd } from './runMlsd.ts';

describe('mlsd scenario check', () => {
  it('checks every bundled scenario and exits 0 when all pass', async () => {
    const r = await mlsd('scenario', 'check', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; ok: boolean; p99Ms: number; budgetMs: number; problems: string[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(row.ok).toBe(true);
      expect(row.problems).toEqual([]);
      expect(row.p99Ms).toBeGreaterThan(0);
      expect(row.p99Ms).toBeLessThanOrEqual(row.budgetMs);
    }
    const training = rows.find((x) => x.id === 'distributed-training') as unknown as { training: { days: number; costUsd: number } };
    expect(training.training.days).toBeGreaterThan(1);
  });

  it('exits 1 and names the problem when a scenario misses its budget or does not validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-scen-'));
    const src = JSON.parse(readFileSync('scenarios/anomaly-detection.scenario.json', 'utf8'));
    src.latencyBudgetMs = 5;
    src.referenceDesign.workload.p99BudgetMs = 5;
    writeFileSync(join(dir, 'anomaly-detection.scenario.json'), JSON.stringify(src));
    writeFileSync(join(dir, 'broken.scenario.json'), '{"format":"mlsd-scenario","version":1}');
    cpSync('scenarios/fraud-detection.scenario.json', join(dir, 'fraud-detection.scenario.json'));
    const r = await mlsd('scenario', 'check', '--dir', dir, '--json');
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { id: string; ok: boolean; problems: string[] }[];
    expect(rows.map((x) => [x.id, x.ok])).toEqual([['anomaly-detection', false], ['broken', false], ['fraud-detection', true]]);
    expect(rows[0]!.problems.join(' ')).toMatch(/over the 5 ms budget/);
    expect(rows[1]!.problems[0]).toMatch(/Invalid scenario/);
  });

  it('refuses a missing subcommand with a usage error', async () => {
    const r = await mlsd('scenario');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing subcommand/);
  });
});
