import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docToFileText, readDoc, readDocText } from '../../../src/domain/doc/format.ts';

const fixture = readFileSync(new URL('../../fixtures/doc/doc.v1.json', import.meta.url), 'utf8');
const raw = () => JSON.parse(fixture) as Record<string, unknown>;

describe('reading stored docs (mlsd-doc v1)', () => {
  it('reads the frozen v1 fixture and round-trips through file text', () => {
    const r = readDocText(fixture);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id: 'doc-fraud-1', templateId: 'capstone', designId: 'design-42', createdAt: 1767225600000 });
    expect(r.value.markdown).toContain('## Summary');
    expect(readDocText(docToFileText(r.value))).toEqual({ ok: true, value: r.value });
  });

  it('accepts a doc with no design attached', () => {
    expect(readDoc({ ...raw(), designId: null })).toMatchObject({ ok: true, value: { designId: null } });
  });

  it('refuses another format with a message', () => {
    const r = readDoc({ ...raw(), format: 'mlsd-design' });
    expect(r).toMatchObject({ ok: false, reason: 'wrong-format', path: 'format' });
    expect(!r.ok && r.message).toBe('Not a design doc file: expected format "mlsd-doc", found "mlsd-design".');
    expect(readDoc([])).toMatchObject({ ok: false, reason: 'wrong-format', message: 'Expected a design doc object, got an array.' });
    expect(readDocText('{"format":')).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('refuses a newer version, asking for an app update', () => {
    const r = readDoc({ ...raw(), version: 2 });
    expect(r).toMatchObject({ ok: false, reason: 'too-new', path: 'version' });
    expect(!r.ok && r.message).toMatch(/newer version of MLSD Studio \(format version 2; this app reads up to 1\)/);
  });

  it.each([
    ['a missing title', { title: undefined }, /title/],
    ['an empty title', { title: '   ' }, /title: title must not be empty/],
    ['a non-string markdown', { markdown: 42 }, /markdown/],
    ['a huge markdown', { markdown: 'x'.repeat(1_000_001) }, /at most 1,000,000 characters/],
    ['a fractional time', { createdAt: 1.5 }, /createdAt must be whole milliseconds/],
    ['updatedAt before createdAt', { updatedAt: 0 }, /updatedAt is before createdAt/],
    ['a missing designId (must be null when none)', { designId: undefined }, /designId/],
  ])('refuses %s with a message', (_what, patch, message) => {
    const r = readDoc({ ...raw(), ...patch });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('invalid');
    expect(!r.ok && r.message).toMatch(message);
  });
});
