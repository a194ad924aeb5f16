import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, backupSchema, readBackupText } from '../../../src/domain/backup/format.ts';
import { deviceProfileSchema, readProfile } from '../../../src/domain/calibration/profile.ts';
import { readDesign } from '../../../src/domain/design/format.ts';
import { docSchema, readDoc, readDocText } from '../../../src/domain/doc/format.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';
import type { ReadResult } from '../../../src/domain/versioning/readVersioned.ts';
import { fixtureText, readCases } from './corpus.ts';
import { designProblems, nonFinite } from './invariants.ts';
import { mutateAt } from '../shared/mutateAt.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations poke at arbitrary paths of raw JSON
type Raw = any;
const json = (path: string): Raw => JSON.parse(readFileSync(path, 'utf8'));


const anyNumber = fc.oneof(fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1, 1e308, 1.5), fc.double(), fc.integer());
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyNumber, fc.constantFrom('<script>alert(1)</script>', '', null));
const steps = fc.array(fc.nat(40), { minLength: 1, maxLength: 7 });

function checkRefusal<T>(r: ReadResult<T>): void {
  if (!r.ok) {
    expect(['not-json', 'wrong-format', 'too-new', 'invalid']).toContain(r.reason);
    expect(r.message.length).toBeGreaterThan(10);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Backups: rows are kept as stored, but never without their id, unique per table, or without the fields the app's
// lists and indexes read.

/** The fields each table's rows carry around their document, written out here independently of the schema. */
const ENVELOPE: Record<string, Record<string, 'string' | 'number' | 'string|null'>> = {
  designs: { name: 'string', createdAt: 'number', updatedAt: 'number', rev: 'number', editor: 'string' },
  docs: { designId: 'string|null', updatedAt: 'number' },
  attempts: { scenarioId: 'string', createdAt: 'number' },
  profiles: { createdAt: 'number' },
  scenarios: { packId: 'string', addedAt: 'number' },
  templates: { packId: 'string', addedAt: 'number', text: 'string' },
};

function backupProblems(b: Raw): string[] {
  const out: string[] = [];
  if (b.format !== 'mlsd-backup' || b.version !== 1) out.push('format/version');
  if (!Number.isInteger(b.dbVersion) || b.dbVersion < 1) out.push('dbVersion');
  for (const t of BACKUP_TABLES) {
    // Tables added after the first backups (saved versions…) may be absent from a file: they read as empty.
    const rows: Raw[] = b.tables?.[t] ?? (t in ENVELOPE ? undefined : []);
    if (!Array.isArray(rows)) {
      out.push(`${t} is not a list`);
      continue;
    }
    const ids = new Set<string>();
    for (const [i, r] of rows.entries()) {
      if (typeof r?.id !== 'string' || r.id.length === 0 || r.id.length > 200) out.push(`${t}[${i}].id`);
      else if (ids.has(r.id)) out.push(`${t}: duplicate ${r.id}`);
      else ids.add(r.id);
      for (const [k, type] of Object.entries(ENVELOPE[t] ?? {})) {
        const v = r?.[k];
        const ok = type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string' || (type === 'string|null' && v === null);
        if (!ok) out.push(`${t}[${i}].${k}`);
      }
    }
  }
  return [...out, ...nonFinite(b).map((p) => `non-finite ${p}`)];
}

const design = json('tests/fixtures/design.v1.json');
const doc = json('tests/fixtures/doc/doc.v1.json');
const profile = json('tests/fixtures/device-profile.v1.json');
/** A backup with a row in every table. */
const fullBackup = (): Raw => ({
  format: 'mlsd-backup',
  version: 1,
  createdAt: '2026-11-23T10:00:00.000Z',
  dbVersion: 5,
  tables: {
    designs: [{ id: 'd-1', name: design.name, createdAt: 1, updatedAt: 2, rev: 3, editor: 'tab', design }, { id: 'd-2', name: 'Second', createdAt: 4, updatedAt: 5, rev: 1, editor: 'tab', design: { ...design, name: 'Second' }, viewport: { x: 0, y: 0, zoom: 1 } }],
    docs: [{ id: doc.id, designId: 'd-1', updatedAt: doc.updatedAt, doc }, { id: 'k-2', designId: null, updatedAt: 9, doc: { ...doc, id: 'k-2', designId: null } }],
    attempts: [{ id: 'a-1', scenarioId: 'fraud-detection', createdAt: 6, attempt: { notes: 'x' } }],
    profiles: [{ id: profile.id, createdAt: 7, profile }],
    scenarios: [{ id: 's-1', packId: 'p', addedAt: 8, scenario: { id: 's-1' } }],
    templates: [{ id: 't-1', packId: 'p', addedAt: 9, text: '---\nid: t-1\n---\n' }],
  },
});
const BACKUPS = [fullBackup, () => json('tests/fixtures/bad/backup/hostile-labels.json')];

const rowLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('d-1', 'd-2', '', '__proto__'), fc.string({ maxLength: 10 })),
    name: fc.oneof(fc.string(), anyNumber),
    createdAt: anyNumber,
    updatedAt: fc.oneof(anyNumber, fc.constant('NaN')),
    rev: anyNumber,
    editor: fc.oneof(fc.string(), fc.constant(null)),
    designId: fc.oneof(fc.string(), fc.constant(null), anyNumber),
    scenarioId: fc.string(),
    packId: fc.oneof(fc.string(), anyNumber),
    addedAt: anyNumber,
    text: fc.oneof(fc.string(), anyNumber),
    design: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);
const backupLike = fc.record(
  {
    format: fc.constantFrom('mlsd-backup', 'mlsd-design'),
    version: fc.oneof(fc.constantFrom(1, 2, 0, '1'), anyNumber),
    createdAt: fc.oneof(fc.string({ maxLength: 50 }), anyNumber),
    dbVersion: fc.oneof(fc.constantFrom(1, 5, 0, -1, 1.5), anyNumber),
    tables: fc.oneof(fc.record(Object.fromEntries(BACKUP_TABLES.map((t) => [t, fc.array(rowLike, { maxLength: 3 })])), { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: ['format'] },
);

/** Reads a value the way a file is read (text first), so the nesting guard is part of what is tested. */
const readBackupValue = (raw: unknown) => readBackupText(JSON.stringify(raw) ?? 'null');

function checkBackup(r: ReturnType<typeof readBackupText>): void {
  checkRefusal(r);
  if (r.ok) {
    expect(backupSchema.safeParse(r.value).success).toBe(true);
    expect(backupProblems(r.value)).toEqual([]);
  }
}

describe('the hand-written checks themselves', () => {
  /** Refused fixtures of the current format and version, parsed (so the JSON reads; only the content is wrong). */
  const refusedValues = (kind: 'design' | 'backup') =>
    readCases()
      .filter((c) => c.kind === kind && c.outcome === 'invalid')
      .flatMap((c) => {
        try {
          const v = JSON.parse(fixtureText(c.file)) as Raw;
          return v?.version === 1 ? [[c.file, v] as const] : [];
        } catch {
          return [];
        }
      });

  it('flag every invalid design in the corpus, and none of the valid ones', () => {
    const bad = refusedValues('design');
    expect(bad.length).toBeGreaterThanOrEqual(10);
    for (const [file, v] of bad) expect(designProblems(v), file).not.toEqual([]);
    for (const file of ['design/hostile-labels.mlsd.json', 'design/proto-keys.mlsd.json']) expect(designProblems(json(`tests/fixtures/bad/${file}`)), file).toEqual([]);
  });

  it('flag every invalid backup in the corpus, and none of the valid ones', () => {
    const bad = refusedValues('backup').filter(([file]) => !file.includes('missing-table'));
    expect(bad.length).toBeGreaterThanOrEqual(5);
    for (const [file, v] of bad) expect(backupProblems(v), file).not.toEqual([]);
    expect(backupProblems(fullBackup())).toEqual([]);
  });
});

describe('backup reading (fast-check)', () => {
  it('never throws on any JSON value or backup-shaped value, and accepts only sound backups', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), backupLike), (raw) => checkBackup(readBackupValue(raw))), { numRuns: 300 });
  });

  it('random edits of valid backups: whatever is accepted is sound', () => {
    fc.assert(
      fc.property(fc.nat(BACKUPS.length - 1), steps, anyValue, (b, s, value) => checkBackup(readBackupValue(mutateAt(BACKUPS[b]!(), s, value)))),
      { numRuns: 300 },
    );
  });

  it('never throws on any text, including bracket soup of any depth', () => {
    const soup = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '1', '"a"', '{"format":"mlsd-backup","version":1,'), { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), soup, fc.integer({ min: 60, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n))), (text) => checkBackup(readBackupText(text))),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

function docProblems(d: Raw): string[] {
  const out: string[] = [];
  if (d.format !== 'mlsd-doc' || d.version !== 1) out.push('format/version');
  if (typeof d.title !== 'string' || d.title.trim() === '' || d.title.length > 200) out.push('title');
  if (typeof d.markdown !== 'string' || d.markdown.length > 1_000_000) out.push('markdown');
  if (!(d.designId === null || typeof d.designId === 'string')) out.push('designId');
  for (const k of ['createdAt', 'updatedAt']) if (!Number.isInteger(d[k]) || d[k] < 0) out.push(k);
  if (d.updatedAt < d.createdAt) out.push('updatedAt before createdAt');
  return out;
}

describe('design doc reading (fast-check)', () => {
  const docs = [() => json('tests/fixtures/doc/doc.v1.json'), () => json('tests/fixtures/bad/doc/hostile-markdown.mlsd-doc.json')];
  const check = (r: ReturnType<typeof readDoc>) => {
    checkRefusal(r);
    if (r.ok) {
      expect(docSchema.safeParse(r.value).success).toBe(true);
      expect(docProblems(r.value)).toEqual([]);
    }
  };

  it('never throws on any JSON value or text, and accepts only sound docs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ format: fc.constant('mlsd-doc'), version: fc.constant(1), title: fc.string(), markdown: fc.string(), createdAt: anyNumber, updatedAt: anyNumber, designId: fc.oneof(fc.string(), fc.constant(null)), id: fc.string(), templateId: fc.string() })), fc.string(), (raw, text) => {
        check(readDoc(raw));
        check(readDocText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('random edits of valid docs: whatever is accepted is sound', () => {
    fc.assert(fc.property(fc.nat(docs.length - 1), steps, anyValue, (i, s, value) => check(readDoc(mutateAt(docs[i]!(), s, value)))), { numRuns: 300 });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('device profile reading (fast-check)', () => {
  const check = (r: ReturnType<typeof readProfile>) => {
    checkRefusal(r);
    if (r.ok) {
      expect(deviceProfileSchema.safeParse(r.value).success).toBe(true);
      expect(nonFinite(r.value)).toEqual([]);
      for (const m of r.value.models) expect(m.points.length).toBeGreaterThan(0);
    }
  };

  it('never throws on any JSON value or text', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.string(), (raw, text) => {
      check(readProfile(raw));
      check(readProfile(text));
    }), { numRuns: 200 });
  });

  it('random edits of a valid profile: whatever is accepted is sound', () => {
    fc.assert(fc.property(steps, anyValue, (s, value) => check(readProfile(mutateAt(json('tests/fixtures/device-profile.v1.json'), s, value)))), { numRuns: 300 });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('Mermaid import (fast-check)', () => {
  const TOKENS = [
    'flowchart LR\n', 'graph TD\n', 'architecture-beta\n', '---\ntitle: x\n---\n', 'A', 'B', 'kafka', 'redis', '[', ']', '(', ')', '{', '}', '((', '))', '[(', ')]',
    '-->', '---', '-.->', '==>', '--o', '<-->', '|', '"', 'subgraph ', 'end', '\n', ' ', ';', '&', ':::', '%%', '%%{', '}%%', '%% mlsd: node A kind=cache\n',
    'click ', 'style ', 'classDef ', '#quot;', '#lt;', '<br>', '<script>', 'service ', 'group ', ' in ', ':L', 'R:', '--', 'x', 'direction LR\n', '```mermaid\n', '```\n',
  ];
  const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((a) => a.join(''));

  it('never throws on any text; whatever it imports is a sound design', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), soup, soup.map((s) => `flowchart LR\n${s}`)), (text) => {
        const r = mermaidToDesign(text);
        if (r.ok) {
          expect(readDesign(r.design).ok).toBe(true);
          expect(designProblems(r.design)).toEqual([]);
        } else {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 500 },
    );
  });
});
