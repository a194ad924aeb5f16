import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfile } from '../../../src/domain/calibration/profile.ts';
import { mlsd } from '../cli/runMlsd.ts';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-repeat-'));

describe('mlsd calibrate --repeat', () => {
  it('rejects a repeat that is not a whole number from 1 to 5, before measuring anything', async () => {
    const out = join(dir, 'never.json');
    const runs = await Promise.all(['0', '6', '1.5'].map((n) => mlsd('calibrate', '--runtime', 'node', '--repeat', n, '--out', out)));
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs[0]!.stderr).toMatch(/--repeat must be at least 1, got 0/);
    expect(runs[1]!.stderr).toMatch(/--repeat must be at most 5, got 6/);
    expect(runs[2]!.stderr).toMatch(/--repeat must be a whole number/);
    expect(existsSync(out)).toBe(false);
    const help = await mlsd('calibrate', '--help');
    expect(help.stdout).toMatch(/--repeat +measure the whole suite N times/);
  });

  it('measures the suite in passes and records repeat in the profile', async () => {
    const out = join(dir, 'repeat.json');
    const r = await mlsd('calibrate', '--quick', '--runtime', 'node', '--models', 'mlp-s,matmul-s', '--budget-ms', '20', '--warmup-ms', '20', '--repeat', '2', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ out, repeat: 2 });
    // Pass 1 over every model, then pass 2.
    expect(r.stderr.split('\n').filter((l) => l.startsWith('pass ')).map((l) => l.replace(/ \(\d+ s\)$/, ''))).toEqual([
      'pass 1/2 [1/2] mlp-s', 'pass 1/2 [2/2] matmul-s', 'pass 2/2 [1/2] mlp-s', 'pass 2/2 [2/2] matmul-s',
    ]);
    const read = readProfile(readFileSync(out, 'utf8'));
    if (!read.ok) throw new Error(read.message);
    expect(read.value.settings).toMatchObject({ repeat: 2, budgetMs: 20, warmupMs: 20 });
    for (const m of read.value.models) expect(m.points.map((p) => p.batch)).toEqual([1, 8]);
  });
});
