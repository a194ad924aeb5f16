import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDesign } from '../../../src/domain/design/format.ts';
import { exampleDesign } from '../../../src/domain/design/examples.ts';
import { getDb, type StudioDb } from '../../../src/storage/db.ts';
import { designsRepo } from '../../../src/state/services.ts';
import { useWorkspace } from '../../../src/state/workspaceStore.ts';
import { navigate } from '../../../src/ui/app/router.ts';
import { pickFile } from '../../../src/ui/shared/files.ts';
import { importDesignFromFile } from '../../../src/ui/library/libraryActions.ts';
import { previewRestore, runRestore } from '../../../src/ui/library/backupActions.ts';
import { importPlanned, planPack, readPackFile } from '../../../src/ui/interview/packActions.ts';
import { importProfile } from '../../../src/ui/bench/profileActions.ts';
import { importMermaidText } from '../../../src/ui/workspace/mermaidActions.ts';
import { fixtureBytes, fixtureText, readAs, readCases, type Case } from './corpus.ts';

// The app's own import actions run here against a real (fake-indexeddb) database; only the two browser-only edges
// are replaced: the file picker (the test hands over the File) and navigation after a successful import.
vi.mock('../../../src/ui/shared/files.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), pickFile: vi.fn(), downloadText: vi.fn(), downloadBlob: vi.fn() }));
vi.mock('../../../src/ui/app/router.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), navigate: vi.fn() }));

const cases = readCases();
const refused = (kind: Case['kind']) => cases.filter((c) => c.kind === kind && c.outcome !== 'accepted').map((c) => [c.file, c] as const);
const fileOf = (c: Case) => new File([new Uint8Array(fixtureBytes(c.file))], c.file.split('/')[1]!, { type: 'application/json' });
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

let db: StudioDb;

/** A library with something in every table, named and numbered so that a wrong import would collide with it. */
async function seed(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
    const scoring = { ...readJson('tests/fixtures/design.v1.json'), name: 'Scoring API' };
    // Same id as the rows in tests/fixtures/bad/backup, same name as the design in the bad packs.
    await db.designs.put({ id: 'd-imported', name: 'Scoring API', createdAt: 1_767_000_000_000, updatedAt: 1_767_000_100_000, rev: 4, editor: 'tab-seed', design: scoring, viewport: { x: 10, y: -20, zoom: 0.8 } });
    await db.designs.put({ id: 'd-example', name: exampleDesign().name, createdAt: 1_767_000_200_000, updatedAt: 1_767_000_300_000, rev: 1, editor: 'tab-seed', design: exampleDesign() });
    const doc = readJson('tests/fixtures/doc/doc.v1.json');
    await db.docs.put({ id: String(doc.id), designId: 'd-imported', updatedAt: Number(doc.updatedAt), doc });
    await db.attempts.put({ id: 'attempt-1', scenarioId: 'fraud-detection', createdAt: 1_767_000_400_000, attempt: { notes: 'p99 < 100 ms', events: [{ type: 'start', at: 1 }] } });
    const profile = readJson('tests/fixtures/device-profile.v1.json');
    await db.profiles.put({ id: String(profile.id), createdAt: Date.parse(String(profile.createdAt)), profile });
    await db.scenarios.put({ id: 'seed-scenario', packId: 'seed-pack', addedAt: 7, scenario: { id: 'seed-scenario', title: 'Seeded' } });
    await db.templates.put({ id: 'seed-template', packId: 'seed-pack', addedAt: 8, text: '---\nid: seed-template\ntitle: Seeded\nversion: 1\n---\n\n# {{title}}\n' });
    // Tables added later (saved versions…) get a row too, so that the comparison covers them.
    for (const t of db.tables) if ((await t.count()) === 0) await t.put({ id: `seed-${t.name}`, targetKind: 'design', targetId: 'd-imported', createdAt: 9 });
  });
}

/** The whole database: every table the schema has (so a table added later is covered too), every record, by key. */
async function dump(): Promise<{ version: number; tables: Record<string, unknown[]> }> {
  const tables: Record<string, unknown[]> = {};
  for (const t of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) tables[t.name] = await t.orderBy(':id').toArray();
  return { version: db.verno, tables };
}

/** Run `act` and check that the database afterwards is, record for record, what it was. */
async function unchangedBy(act: () => Promise<unknown>): Promise<void> {
  const before = await dump();
  expect(Object.values(before.tables).every((rows) => rows.length > 0)).toBe(true);
  await act();
  expect(await dump()).toEqual(before);
}

const lastNotice = () => useWorkspace.getState().notices.at(-1);

beforeAll(async () => {
  db = getDb();
  await db.open();
});
afterAll(() => db.close());
beforeEach(async () => {
  await seed();
  vi.mocked(navigate).mockClear();
  useWorkspace.setState({ notices: [] });
});

describe('a refused design file changes nothing (Library → Import file…)', () => {
  it.each(refused('design'))('%s', async (_file, c) => {
    const expected = readAs('design', fixtureText(c.file));
    if (expected.ok) throw new Error('fixture unexpectedly reads');
    let msg: string | null = null;
    await unchangedBy(async () => {
      msg = await importDesignFromFile(fileOf(c));
    });
    expect(msg).toBe(`"${fileOf(c).name}" was not imported. ${expected.message}`);
    expect(msg).toContain(c.fragment);
    expect(lastNotice()).toMatchObject({ tone: 'error', text: msg });
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('a refused pack changes nothing (Interview → Import pack…)', () => {
  it.each(refused('pack'))('%s', async (_file, c) => {
    const expected = readAs('pack', fixtureText(c.file));
    if (expected.ok) throw new Error('fixture unexpectedly reads');
    await unchangedBy(async () => {
      expect(await readPackFile(fileOf(c))).toEqual({ ok: false, message: `"${fileOf(c).name}" was not imported. ${expected.message}` });
    });
    expect(expected.message).toContain(c.fragment);
  });
});

describe('a refused backup changes nothing (Library → Restore…)', () => {
  it.each(refused('backup'))('%s', async (_file, c) => {
    const expected = readAs('backup', fixtureText(c.file));
    if (expected.ok) throw new Error('fixture unexpectedly reads');
    await unchangedBy(async () => {
      expect(await previewRestore(fileOf(c))).toEqual({ ok: false, message: `"${fileOf(c).name}" was not restored. ${expected.message}` });
    });
    expect(expected.message).toContain(c.fragment);
  });
});

describe('a refused device profile changes nothing (Benchmarks → Import profile)', () => {
  it.each(refused('profile'))('%s', async (_file, c) => {
    vi.mocked(pickFile).mockResolvedValueOnce(fileOf(c));
    await unchangedBy(() => importProfile());
    expect(lastNotice()?.tone).toBe('error');
    expect(lastNotice()?.text).toContain(`"${fileOf(c).name}" is not a device profile this version can read: `);
    expect(lastNotice()?.text).toContain(c.fragment);
  });
});

describe('refused Mermaid text changes nothing (Library → Import Mermaid…)', () => {
  it.each(refused('mermaid'))('%s', async (_file, c) => {
    let msg: string | null = null;
    await unchangedBy(async () => {
      msg = await importMermaidText(fixtureText(c.file));
    });
    expect(msg).toMatch(/^Line \d+: /);
    expect(msg).toContain(c.fragment);
  });
});

describe('files refused for their size are never read', () => {
  /** A File that reports `size` bytes and fails the test if anything reads it. */
  const unreadable = (name: string, size: number) => {
    const f = new File(['{}'], name, { type: 'application/json' });
    Object.defineProperty(f, 'size', { value: size });
    Object.defineProperty(f, 'text', { value: () => Promise.reject(new Error('the file was read')) });
    return f;
  };
  const MB = 1024 * 1024;

  it('a 50 MB design file', async () => {
    await unchangedBy(async () => {
      expect(await importDesignFromFile(unreadable('big.mlsd.json', 50 * MB))).toBe('"big.mlsd.json" was not imported. This file is 50.0 MB; design files are at most 5.0 MB.');
    });
  });

  it('a 50 MB pack', async () => {
    await unchangedBy(async () => {
      expect(await readPackFile(unreadable('big.mlsd-pack.json', 50 * MB))).toEqual({ ok: false, message: '"big.mlsd-pack.json" was not imported. This pack file is 50.0 MB; a pack may be at most 10.0 MB.' });
    });
  });

  it('a 50 MB device profile', async () => {
    vi.mocked(pickFile).mockResolvedValueOnce(unreadable('big.mlsd-profile.json', 50 * MB));
    await unchangedBy(() => importProfile());
    expect(lastNotice()).toMatchObject({ tone: 'error', text: '"big.mlsd-profile.json" is 50.0 MB; a device profile is at most 5.0 MB. Nothing was imported.' });
  });

  it('a file that can no longer be read (moved after it was chosen) is named, for packs, backups and profiles', async () => {
    const gone = (name: string) => unreadable(name, 1000);
    await unchangedBy(async () => {
      expect(await readPackFile(gone('p.mlsd-pack.json'))).toEqual({ ok: false, message: 'Could not read "p.mlsd-pack.json": the file was read' });
      expect(await previewRestore(gone('b.json'))).toEqual({ ok: false, message: 'Could not read "b.json": the file was read' });
      vi.mocked(pickFile).mockResolvedValueOnce(gone('x.mlsd-profile.json'));
      await importProfile();
    });
    expect(lastNotice()).toMatchObject({ tone: 'error', text: 'Could not read "x.mlsd-profile.json": the file was read' });
  });

  it('a backup over 200 MB (a 50 MB one is within the limit: see the next test)', async () => {
    await unchangedBy(async () => {
      expect(await previewRestore(unreadable('big.json', 250 * MB))).toEqual({ ok: false, message: '"big.json" is 250.0 MB; a backup can be at most 200.0 MB.' });
    });
  });

  it('a 50 MB file chosen for Restore is read, and refused as not a backup', async () => {
    const junk = new File([`{"format":"mlsd-backup","version":1,"pad":"${'x'.repeat(50 * MB)}`], 'big.json');
    await unchangedBy(async () => {
      const r = await previewRestore(junk);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^"big\.json" was not restored\. This is not valid JSON \(/);
    });
  });
});

describe('deeply nested JSON is refused before it reaches the database', () => {
  it('a backup row holding JSON nested 100,000 levels deep', async () => {
    const bomb = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const text = fixtureText('backup/hostile-labels.json').replace('"editor": "<img src=x onerror=alert(1)>"', `"editor": "x", "deep": ${bomb}`);
    await unchangedBy(async () => {
      const r = await previewRestore(new File([text], 'deep.json'));
      expect(r).toEqual({ ok: false, message: expect.stringMatching(/^"deep\.json" was not restored\. This backup nests deeper than 64 levels \(at character \d+\); a real backup needs about 12\.$/) });
    });
  });
});

describe('hostile but valid files come in as inert text, byte for byte', () => {
  const labelsOf = (d: { nodes: { label?: string }[]; edges: { label?: string }[] }) => [...d.nodes.map((n) => n.label), ...d.edges.map((e) => e.label)];

  it('design/hostile-labels.mlsd.json: stored exactly as written (positions added), nothing else touched', async () => {
    const before = await dump();
    const text = fixtureText('design/hostile-labels.mlsd.json');
    expect(await importDesignFromFile(new File([text], 'hostile.mlsd.json'))).toBeNull();
    const after = await dump();
    const added = (after.tables.designs as { id: string; name: string; design: { nodes: { position?: unknown }[] } }[]).filter((r) => !before.tables.designs!.some((b) => (b as { id: string }).id === r.id));
    expect(added).toHaveLength(1);
    expect(after).toEqual({ ...before, tables: { ...before.tables, designs: expect.arrayContaining(before.tables.designs!) } });
    expect(after.tables.designs).toHaveLength(before.tables.designs!.length + 1);
    const stored = added[0]!;
    const raw = JSON.parse(text) as { name: string; nodes: object[] };
    expect(stored.name).toBe('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect({ ...stored.design, nodes: stored.design.nodes.map(({ position: _p, ...n }) => n) }).toEqual(raw);
    expect(navigate).toHaveBeenCalledWith(`/design/${encodeURIComponent((stored as { id: string }).id)}`);
  });

  it('design/proto-keys.mlsd.json: prototype-named ids are plain ids, "__proto__" keys are dropped, nothing is polluted', async () => {
    expect(await importDesignFromFile(new File([fixtureText('design/proto-keys.mlsd.json')], 'proto.mlsd.json'))).toBeNull();
    const row = (await db.designs.toArray()).find((r) => r.name === 'Prototype names')!;
    const design = row.design as { nodes: { id: string }[]; workload: object };
    expect(design.nodes.map((n) => n.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.keys(design)).not.toContain('__proto__');
    expect(design.workload).toEqual({ rps: 50 });
    expect(Object.getPrototypeOf(design)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readDesign(design).ok).toBe(true);
  });

  it('pack/hostile-labels.mlsd-pack.json: the design is imported with its strings exactly as written', async () => {
    const text = fixtureText('pack/hostile-labels.mlsd-pack.json');
    const r = await readPackFile(new File([text], 'hostile.mlsd-pack.json'));
    if (!r.ok) throw new Error(r.message);
    expect(r.pack.title).toBe('<script>alert(1)</script> pack');
    expect(r.pack.author).toBe('<img src=x onerror=alert(1)>');
    const before = await dump();
    expect(await importPlanned(r.pack, await planPack(r.pack), () => 'keep-both')).toBeNull();
    const rows = await db.designs.toArray();
    expect(rows).toHaveLength(before.tables.designs!.length + 1);
    const stored = rows.find((d) => d.name === '<img src=x onerror=alert(1)> (from a pack)')!;
    expect(stored.design).toEqual((JSON.parse(text) as { designs: unknown[] }).designs[0]);
    expect(labelsOf(stored.design as never)).toEqual(['<img src=x onerror=alert(1)>', '</title><script>alert(1)</script>', '<a href="javascript:alert(1)">model</a>', 'javascript:alert(document.cookie)', '%%{init: {"securityLevel":"loose"}}%%']);
    // Everything that was there is still there, unchanged.
    for (const [name, before_] of Object.entries(before.tables)) expect(await db.table(name).orderBy(':id').toArray()).toEqual(expect.arrayContaining(before_));
  });

  it.each([['merge'], ['replace']] as const)('backup/hostile-labels.json (%s): rows restored exactly as written', async (mode) => {
    const text = fixtureText('backup/hostile-labels.json');
    const r = await previewRestore(new File([text], 'hostile.json'));
    if (!r.ok) throw new Error(r.message);
    const before = await dump();
    expect(await runRestore(r.preview.backup, mode)).toBeNull();
    const raw = JSON.parse(text) as { tables: Record<string, unknown[]> };
    expect(await db.designs.get('d-hostile')).toEqual(raw.tables.designs![0]);
    expect(await db.docs.get('k-hostile')).toEqual(raw.tables.docs![0]);
    if (mode === 'merge') {
      for (const [name, rows] of Object.entries(before.tables)) expect(await db.table(name).orderBy(':id').toArray()).toEqual(expect.arrayContaining(rows));
    } else {
      expect(await db.designs.count()).toBe(1);
    }
  });

  it('backup/proto-keys.json: a "__proto__" key in a row is not restored as a prototype', async () => {
    const r = await previewRestore(new File([fixtureText('backup/proto-keys.json')], 'proto.json'));
    if (!r.ok) throw new Error(r.message);
    expect(await runRestore(r.preview.backup, 'merge')).toBeNull();
    const row = (await db.designs.get('d-proto'))!;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect((row as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('backup/row-with-invalid-design.json: the row is kept as stored and the Library names its problem', async () => {
    const r = await previewRestore(new File([fixtureText('backup/row-with-invalid-design.json')], 'kept.json'));
    if (!r.ok) throw new Error(r.message);
    expect(await runRestore(r.preview.backup, 'merge')).toBeNull();
    const listed = await designsRepo().list();
    expect(listed.find((d) => d.id === 'd-dangling')).toMatchObject({ name: 'Dangling edge (kept as stored)', problem: 'Invalid design: edges[2].to: edge ends at missing node "ghost"' });
    expect(listed.filter((d) => d.problem)).toHaveLength(1);
  });

  it('mermaid/script-labels.mmd: tags are dropped from labels, what is left is plain text', async () => {
    expect(await importMermaidText(fixtureText('mermaid/script-labels.mmd'))).toBeNull();
    const row = (await db.designs.toArray()).find((d) => d.name === 'Imported Mermaid diagram')!;
    const design = row.design as { nodes: { id: string; kind: string; label?: string }[] };
    expect(design.nodes.map((n) => [n.id, n.label])).toEqual([['A', 'alert(1)'], ['B', undefined], ['C', 'Triton model server']]);
    expect(readDesign(design).ok).toBe(true);
  });
});
