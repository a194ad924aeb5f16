import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_DEPTH, readBackupText } from '../../../src/domain/backup/format.ts';
import { readProfile } from '../../../src/domain/calibration/profile.ts';
import { importDesignFile } from '../../../src/domain/design/importFile.ts';
import { readDocText } from '../../../src/domain/doc/format.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';
import { readPackText } from '../../../src/domain/pack/format.ts';
import { fixtureText } from './corpus.ts';

const MB = 1024 * 1024;
/** ~50 MB of otherwise well-formed JSON: the padding sits in a string, so only a size check can refuse it early. */
const padded = (head: string, chars = 50 * MB, fill = 'x') => `${head}"pad":"${fill.repeat(chars)}"}`;

/** Generated, never committed: JSON nested `depth` levels, as arrays or objects. */
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const DEEP = 100_000;

const validDesign = () => JSON.parse(fixtureText('design/hostile-labels.mlsd.json')) as Record<string, unknown>;
/** Put a raw JSON text at the place of `marker` in a serialized value. */
const inject = (value: unknown, marker: string, raw: string) => JSON.stringify(value).replace(JSON.stringify(marker), raw);

afterEach(() => vi.restoreAllMocks());

describe('a 50 MB file is refused with its size, before it is parsed', () => {
  it('design', () => {
    const text = padded('{"format":"mlsd-design","version":1,');
    const parse = vi.spyOn(JSON, 'parse');
    expect(importDesignFile(text, text.length)).toEqual({ ok: false, reason: 'invalid', message: 'This file is 50.0 MB; design files are at most 5.0 MB.' });
    expect(parse).not.toHaveBeenCalled();
  });

  it('pack (its size is measured from the text, in UTF-8 bytes)', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(readPackText(padded('{"format":"mlsd-pack","version":2,'))).toEqual({ ok: false, reason: 'invalid', message: 'This pack file is 50.0 MB; a pack may be at most 10.0 MB.' });
    // 9 MB of "é" is 18 MB of UTF-8: refused, though its length in characters is under the limit.
    expect(readPackText(padded('{', 9 * MB, 'é'))).toMatchObject({ ok: false, message: 'This pack file is 18.0 MB; a pack may be at most 10.0 MB.' });
    expect(parse).not.toHaveBeenCalled();
  });

  it('Mermaid', () => {
    expect(mermaidToDesign(`flowchart LR\n  A --> B\n%% ${'x'.repeat(50 * MB)}`)).toEqual({ ok: false, line: 1, message: 'the diagram is at least 50.0 MB; Mermaid import reads at most 1.0 MB' });
  });

  it('backup: 50 MB is under the 200 MB backup limit, so it is read, and refused for what it is', () => {
    expect(readBackupText(padded('{"format":"mlsd-design","version":1,'))).toMatchObject({ ok: false, reason: 'wrong-format', message: 'Not a backup file: expected format "mlsd-backup", found "mlsd-design".' });
    expect(readBackupText(padded('{"format":"mlsd-backup","version":1,'))).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringMatching(/^Invalid backup: createdAt is missing/) });
    expect(readBackupText(`{"format":"mlsd-backup","pad":"${'x'.repeat(50 * MB)}`)).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('doc and device profile readers refuse 50 MB of text for what it is', () => {
    const doc = JSON.parse(fixtureText('doc/hostile-markdown.mlsd-doc.json')) as Record<string, unknown>;
    expect(readDocText(JSON.stringify({ ...doc, markdown: 'x'.repeat(50 * MB) }))).toEqual({ ok: false, reason: 'invalid', path: 'markdown', message: 'Invalid design doc: markdown: markdown must be at most 1,000,000 characters' });
    expect(readProfile('x'.repeat(50 * MB))).toMatchObject({ ok: false, reason: 'not-json' });
  });
});

describe(`JSON nested ${DEEP.toLocaleString('en-US')} levels deep: a clear refusal, never a stack overflow`, () => {
  it('design: at the top, in a known field, in a parameter', () => {
    expect(importDesignFile(deepArray(DEEP), 2 * DEEP)).toEqual({ ok: false, reason: 'wrong-format', message: 'Expected a design object, got an array.' });
    const inWorkload = inject({ ...validDesign(), workload: 'HERE' }, 'HERE', deepArray(DEEP));
    expect(importDesignFile(inWorkload, inWorkload.length)).toMatchObject({ ok: false, path: 'workload', message: 'Invalid design: workload: should be an object, not a list' });
    const d = validDesign() as { nodes: { params?: Record<string, unknown> }[] };
    d.nodes[2]!.params!.serviceMs = 'HERE';
    const inParam = inject(d, 'HERE', deepObject(DEEP));
    expect(importDesignFile(inParam, inParam.length)).toMatchObject({ ok: false, path: 'nodes[2].params.serviceMs', message: 'Invalid design: nodes[2].params.serviceMs: serviceMs must be a number' });
  });

  it('design: in a field the format does not have, it is dropped and the design is valid and serializable', () => {
    const text = inject({ ...validDesign(), extra: 'HERE' }, 'HERE', deepObject(DEEP));
    const r = importDesignFile(text, text.length);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value)).not.toContain('extra');
    expect(JSON.parse(JSON.stringify(r.value))).toEqual(r.value);
  });

  it('pack and backup: refused by a nesting scan before JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(readPackText(deepArray(DEEP))).toEqual({ ok: false, reason: 'invalid', message: 'This pack nests deeper than 64 levels (at character 65); a real pack needs about 8.' });
    const backup = fixtureText('backup/hostile-labels.json').replace('"editor": "<img src=x onerror=alert(1)>"', `"editor": "x", "deep": ${deepObject(DEEP)}`);
    expect(readBackupText(backup)).toEqual({ ok: false, reason: 'invalid', message: expect.stringMatching(/^This backup nests deeper than 64 levels \(at character \d+\); a real backup needs about 12\.$/) });
    expect(readBackupText(deepArray(DEEP))).toMatchObject({ ok: false, message: 'This backup nests deeper than 64 levels (at character 65); a real backup needs about 12.' });
    expect(parse).not.toHaveBeenCalled();
  });

  it(`backup: ${MAX_BACKUP_DEPTH} levels are fine, one more is not (brackets inside strings do not count)`, () => {
    const at = (levels: number) => fixtureText('backup/hostile-labels.json').replace('"editor": "<img src=x onerror=alert(1)>"', `"editor": "[[[{{{", "deep": ${deepArray(levels)}`);
    // The row sits 4 levels down (backup → tables → designs → row), and "deep" opens one more per level.
    expect(readBackupText(at(MAX_BACKUP_DEPTH - 4)).ok).toBe(true);
    expect(readBackupText(at(MAX_BACKUP_DEPTH - 3))).toMatchObject({ ok: false, message: expect.stringContaining(`nests deeper than ${MAX_BACKUP_DEPTH} levels`) });
  });

  it('doc and device profile: in a field, refused for its type', () => {
    const doc = JSON.parse(fixtureText('doc/hostile-markdown.mlsd-doc.json')) as Record<string, unknown>;
    expect(readDocText(inject({ ...doc, title: 'HERE' }, 'HERE', deepArray(DEEP)))).toMatchObject({ ok: false, path: 'title', message: 'Invalid design doc: title: should be text, not a list' });
    expect(readProfile(deepObject(DEEP))).toMatchObject({ ok: false, reason: 'wrong-format', message: 'Not a device profile file: expected format "mlsd-device-profile", found no format field.' });
  });

  it('Mermaid: 20,000 nested subgraphs and a 100,000-deep bracket', () => {
    const nested = `flowchart LR\n${Array.from({ length: 20_000 }, (_, i) => `subgraph s${i}\n`).join('')}A[Kafka] --> B[Redis]\n${'end\n'.repeat(20_000)}`;
    const r = mermaidToDesign(nested);
    expect(r.ok && r.design.nodes.map((n) => n.kind)).toEqual(['queue', 'cache']);
    expect(mermaidToDesign(`flowchart LR\n A${'['.repeat(DEEP)}x${']'.repeat(DEEP)}\n`)).toMatchObject({ ok: false, line: 2 });
  });
});
