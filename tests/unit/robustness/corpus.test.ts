import { describe, expect, it } from 'vitest';
import { backupSchema } from '../../../src/domain/backup/format.ts';
import { readDesign } from '../../../src/domain/design/format.ts';
import { readDoc } from '../../../src/domain/doc/format.ts';
import { readPack } from '../../../src/domain/pack/format.ts';
import { fixtureFiles, fixtureText, KINDS, readAs, readCases, type Case } from './corpus.ts';

const cases = readCases();
const rows = (pick: (c: Case) => boolean) => cases.filter(pick).map((c) => [c.file, c] as const);

/** What makes a message usable by a person: one short statement, no code-level leftovers. */
function expectClear(message: string): void {
  expect(message.length).toBeGreaterThan(15);
  expect(message.length).toBeLessThan(400);
  expect(message).toMatch(/^[A-Z"]/);
  expect(message).not.toMatch(/\[object |\n\s+at |TypeError|RangeError|ZodError|NaN|\{"/);
}

describe('the corpus', () => {
  it('README lists every fixture file exactly once, and nothing that is not there', () => {
    expect(cases.map((c) => c.file)).toEqual([...new Set(cases.map((c) => c.file))]);
    expect(cases.map((c) => c.file).sort()).toEqual(fixtureFiles());
  });

  it('covers the issue\'s cases for designs, packs and backups, and has a few of each other kind', () => {
    for (const kind of ['design', 'pack', 'backup'] as const) {
      const files = cases.filter((c) => c.kind === kind).map((c) => c.file.split('/')[1]!.replace(/\..*$/, ''));
      expect(files).toEqual(expect.arrayContaining(['truncated', 'wrong-types', 'future-version', 'nan-as-text', 'hostile-labels']));
      expect(files.some((f) => f.startsWith('duplicate-'))).toBe(true);
      expect(files.some((f) => /infinite|huge/.test(f))).toBe(true);
    }
    for (const kind of ['design', 'pack']) expect(cases.some((c) => c.file === `${kind}/edge-to-missing-node.${kind === 'design' ? 'mlsd' : 'mlsd-pack'}.json`)).toBe(true);
    for (const kind of KINDS) expect(cases.filter((c) => c.kind === kind && c.outcome !== 'accepted').length).toBeGreaterThanOrEqual(4);
  });
});

describe('each bad file is refused by its reader with a clear message (never a throw)', () => {
  it.each(rows((c) => c.outcome !== 'accepted'))('%s', (_file, c) => {
    const r = readAs(c.kind, fixtureText(c.file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(c.outcome);
    expect(r.message).toContain(c.fragment);
    expectClear(r.message);
  });
});

describe('each hostile-but-valid file is accepted, and what comes out reads back as valid', () => {
  const recheck: Record<Case['kind'], (v: unknown) => boolean> = {
    design: (v) => readDesign(v).ok,
    mermaid: (v) => readDesign(v).ok,
    pack: (v) => readPack(v).ok,
    doc: (v) => readDoc(v).ok,
    backup: (v) => backupSchema.safeParse(v).success,
    profile: () => true,
  };
  it.each(rows((c) => c.outcome === 'accepted'))('%s', (_file, c) => {
    const r = readAs(c.kind, fixtureText(c.file));
    expect(r.ok).toBe(true);
    if (r.ok) expect(recheck[c.kind](r.value)).toBe(true);
  });
});
