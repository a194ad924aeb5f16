import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesignText } from '../../../src/domain/design/format.ts';
import { mlsd } from '../cli/runMlsd.ts';

const DESIGN = 'tests/fixtures/design.v1.json';
const FIXTURES = 'tests/fixtures/mermaid';
const dir = mkdtempSync(join(tmpdir(), 'mlsd-mermaid-'));

describe('mlsd export mermaid', () => {
  it('prints the flowchart, or writes it with --out', async () => {
    const printed = await mlsd('export', 'mermaid', DESIGN);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^---\ntitle: "Three-tier classifier \(frozen v1 fixture\)"\n---\nflowchart LR\n/);
    expect(printed.stdout).toContain('subgraph stage_storage ["Storage"]');
    const out = join(dir, 'design.mmd');
    const written = await mlsd('export', 'mermaid', DESIGN, '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^wrote .*design\.mmd: 6 nodes, 5 edges/);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
  });

  it('exits 2 on usage errors and 1 on a bad design file', async () => {
    const missing = await mlsd('export');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing the format/);
    const format = await mlsd('export', 'png', DESIGN);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown export format "png"; valid: mermaid/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": "mlsd-design", "version": 1}');
    const invalid = await mlsd('export', 'mermaid', bad);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('bad.json');
  });
});

describe('mlsd import mermaid', () => {
  it('writes a valid design, names it, and prints warnings on stderr', async () => {
    const out = join(dir, 'fraud.mlsd.json');
    const r = await mlsd('import', 'mermaid', `${FIXTURES}/fraud-detection.mmd`, '--out', out, '--name', 'Fraud (from Mermaid)');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote .*fraud\.mlsd\.json: "Fraud \(from Mermaid\)", 10 nodes, 10 edges/);
    expect(r.stderr).toContain('warning: line 13: "Approve" matches no known component; imported as API gateway (api-gateway)');
    const read = readDesignText(readFileSync(out, 'utf8'));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.nodes.find((n) => n.id === 'kafka')?.kind).toBe('queue');
  });

  it('exits 1 with "line N: reason" on unsupported diagrams and syntax errors, writing nothing', async () => {
    const seq = join(dir, 'seq.mmd');
    writeFileSync(seq, '%% a sequence\nsequenceDiagram\n  A->>B: hi\n');
    const out = join(dir, 'never.mlsd.json');
    const unsupported = await mlsd('import', 'mermaid', seq, '--out', out);
    expect(unsupported.code).toBe(1);
    expect(unsupported.stderr).toMatch(/seq\.mmd: line 2: sequenceDiagram diagrams are not supported/);
    const broken = join(dir, 'broken.mmd');
    writeFileSync(broken, 'flowchart LR\n  a --> b\n  c[never closed\n');
    const syntax = await mlsd('import', 'mermaid', broken, '--out', out);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/line 3: "\[" is never closed/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 without --out or with an unknown format', async () => {
    const noOut = await mlsd('import', 'mermaid', `${FIXTURES}/ads-ctr.mmd`);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/missing --out/);
    const format = await mlsd('import', 'plantuml', 'x.puml', '--out', 'y.json');
    expect(format.code).toBe(2);
  });

  it('round-trips a design through export and import', async () => {
    const mmd = join(dir, 'rt.mmd');
    const back = join(dir, 'rt.mlsd.json');
    expect((await mlsd('export', 'mermaid', DESIGN, '--out', mmd)).code).toBe(0);
    const r = await mlsd('import', 'mermaid', mmd, '--out', back, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: 6, edges: 5, warnings: [] });
    const before = readDesignText(readFileSync(DESIGN, 'utf8'));
    const after = readDesignText(readFileSync(back, 'utf8'));
    if (!before.ok || !after.ok) throw new Error('unreadable design');
    const shape = (d: typeof before.value) => ({ name: d.name, nodes: d.nodes.map((n) => [n.id, n.kind]).sort(), edges: d.edges.map((e) => [e.from, e.to, e.callsPerRequest, e.hitRatio]) });
    expect(shape(after.value)).toEqual(shape(before.value));
  });
});
