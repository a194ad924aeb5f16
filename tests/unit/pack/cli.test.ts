import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTER, STARTER_FILE } from '../../../scripts/pack-example.ts';
import { main } from '../../../src/cli/dispatch.ts';
import { mlsd } from '../cli/runMlsd.ts';
import { starterRaw, V1_PATH } from './packFixtures.ts';

/** The same dispatcher in-process: for the many small cases, where a process start per case is the slow part. */
async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), readFile: (p) => readFileSync(p, 'utf8') });
  return { code, stdout, stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'mlsd-pack-'));
const writeJson = (dir: string, name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

interface Report {
  ok: boolean;
  id: string | null;
  counts: { scenarios: number; designs: number; templates: number };
  problems: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
}

describe('mlsd pack validate', () => {
  it('passes the example pack (exit 0), in text and in JSON', async () => {
    const text = await mlsd('pack', 'validate', STARTER_FILE);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('pack "ml-interview-starter", 3 scenarios, 3 designs, 1 template\nok\n');
    const r = await mlsd('pack', 'validate', STARTER_FILE, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, id: 'ml-interview-starter', counts: { scenarios: 3, designs: 3, templates: 1 }, problems: [], warnings: [] });
  });

  it('fails a broken pack (exit 1) and lists every problem with its path', async () => {
    const raw = starterRaw();
    raw.id = 'Bad Id';
    raw.scenarios[0].difficulty = 'trivial';
    raw.designs[2].edges[0].hitRatio = 3;
    const path = writeJson(tmp(), 'broken.mlsd-pack.json', raw);
    const text = await mlsd('pack', 'validate', path);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^ {2}id: /m);
    expect(text.stdout).toMatch(/^ {2}scenarios\[0\]\.difficulty: /m);
    expect(text.stdout).toMatch(/^ {2}designs\[2\]\.edges\[0\]\.hitRatio: hitRatio must be between 0 and 1$/m);
    expect(text.stdout).toMatch(/3 problems\n$/);
    const r = await mlsd('pack', 'validate', path, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ ok: false, id: null });
    expect(report.problems.map((p) => p.path)).toEqual(['id', 'scenarios[0].difficulty', 'designs[2].edges[0].hitRatio']);
  });

  it('fails a valid pack whose scenario misses its latency budget (the scenario check runs)', async () => {
    const raw = starterRaw();
    raw.scenarios[1].latencyBudgetMs = 0.5;
    raw.scenarios[1].referenceDesign.workload.p99BudgetMs = 0.5;
    const r = await inProcess('pack', 'validate', writeJson(tmp(), 'slow.mlsd-pack.json', raw), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.id).toBe('ml-interview-starter');
    expect(report.problems).toEqual([{ path: 'scenarios[1]', message: expect.stringMatching(/^churn-prediction: reference design p99 .* over the 0.5 ms budget$/) }]);
  });

  it('reads a version 1 pack and shows warnings without failing', async () => {
    const r = await inProcess('pack', 'validate', V1_PATH);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: designs[1].scenarioId: design "Tiny scoring API" names scenario "fraud-detection"');
  });

  it('refuses an oversize file and a too-new pack with a clear message (exit 1)', async () => {
    const dir = tmp();
    const big = writeJson(dir, 'big.mlsd-pack.json', `{"pad": "${'x'.repeat(11 * 1024 * 1024)}"}`);
    const r = await mlsd('pack', 'validate', big);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.mlsd-pack\.json: This pack file is 11\.0 MB; a pack may be at most 10\.0 MB/);
    const newer = await inProcess('pack', 'validate', writeJson(dir, 'new.mlsd-pack.json', { ...starterRaw(), version: 3 }), '--json');
    expect(newer.code).toBe(1);
    expect((JSON.parse(newer.stdout) as Report).problems[0]!.message).toContain('newer version');
    const missing = await inProcess('pack', 'validate', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
    const notJson = await inProcess('pack', 'validate', writeJson(dir, 'x.json', '{oops'));
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/not valid JSON/);
  });

  it('answers usage errors with exit 2', async () => {
    const spawned = await mlsd('pack', 'frobnicate');
    expect(spawned.code).toBe(2);
    expect(spawned.stderr).toMatch(/^mlsd pack: unknown subcommand "frobnicate"/);
    expect(await inProcess('pack', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('mlsd pack validate FILE.mlsd-pack.json') });
    for (const args of [['pack'], ['pack', 'validate'], ['pack', 'validate', STARTER_FILE, '--out', 'x.json'], ['pack', 'validate', STARTER_FILE, '--nope'], ['pack', 'build', '--out', 'x.mlsd-pack.json'], ['pack', 'build', '--scenarios', 'fraud-detection']]) {
      const r = await inProcess(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^mlsd pack: /);
    }
  });
});

describe('mlsd pack build', () => {
  it('builds the example pack byte for byte from the same selection', async () => {
    const out = join(tmp(), 'ml-interview-starter.mlsd-pack.json');
    const r = await mlsd('pack', 'build', '--scenarios', STARTER.scenarios.join(','), '--templates', STARTER.templates.join(','), '--title', STARTER.title, '--author', STARTER.author, '--description', STARTER.description, '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ out, id: 'ml-interview-starter', counts: { scenarios: 3, designs: 3, templates: 1 } });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(STARTER_FILE, 'utf8'));
  });

  it('takes the id from the file name and makes a title; the result validates', async () => {
    const out = join(tmp(), 'streaming.mlsd-pack.json');
    const r = await mlsd('pack', 'build', '--scenarios', 'anomaly-detection, toxicity-detection', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}: pack "streaming", 2 scenarios, 2 designs, 0 templates\n`);
    const pack = JSON.parse(readFileSync(out, 'utf8')) as { title: string };
    expect(pack.title).toBe('Scenarios: Real-time anomaly detection on a stream; Real-time toxicity detection for comments and chat');
    expect((await inProcess('pack', 'validate', out)).code).toBe(0);
  });

  it('names the valid scenario ids when one is unknown, and refuses an id that is not a slug', async () => {
    const unknown = await inProcess('pack', 'build', '--scenarios', 'fraud-detection,teleportation', '--out', join(tmp(), 'xy.mlsd-pack.json'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown scenario "teleportation" in scenarios; valid: anomaly-detection, churn-prediction/);
    const badId = await inProcess('pack', 'build', '--scenarios', 'fraud-detection', '--out', join(tmp(), 'My Pack.json'));
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/pack id "My Pack" is not 2–63 lower-case letters/);
  });
});
