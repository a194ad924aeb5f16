import { describe, expect, it } from 'vitest';
import { readPackText } from '../../../src/domain/pack/format.ts';
import { depthExceededAt, MAX_PACK_BYTES, MAX_PACK_DEPTH, packSizeProblem, packTextProblem, utf8ByteLength } from '../../../src/domain/pack/guards.ts';
import { validatePackText } from '../../../src/domain/pack/validate.ts';
import { minimalPack } from './packFixtures.ts';

describe('size and depth guards', () => {
  it('refuses a pack text over 10 MB before parsing it, naming both sizes', () => {
    const text = JSON.stringify({ ...minimalPack(), description: 'x'.repeat(MAX_PACK_BYTES) });
    const r = readPackText(text);
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.message).toMatch(/is 10\.0 MB; a pack may be at most 10\.0 MB/);
    expect(packSizeProblem(50 * 1024 * 1024)).toMatch(/is 50\.0 MB/);
    expect(packSizeProblem(MAX_PACK_BYTES)).toBeNull();
  });

  it('counts UTF-8 bytes, not UTF-16 units, so 4 M emoji are refused', () => {
    const emoji = '😀'.repeat(3 * 1024 * 1024); // 6 M UTF-16 units, 12 MB of UTF-8
    expect(emoji.length).toBeLessThan(MAX_PACK_BYTES);
    expect(utf8ByteLength(emoji)).toBe(12 * 1024 * 1024);
    expect(packTextProblem(emoji)).toMatch(/12\.0 MB/);
    expect(utf8ByteLength('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
    expect(utf8ByteLength('\ud800x')).toBe(new TextEncoder().encode('\ud800x').length); // a lone surrogate becomes U+FFFD
  });

  it('refuses JSON nested deeper than 64 levels, whatever the brackets', () => {
    const deep = `${'['.repeat(MAX_PACK_DEPTH + 1)}${']'.repeat(MAX_PACK_DEPTH + 1)}`;
    const r = readPackText(deep);
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.message).toMatch(/nests deeper than 64 levels \(at character 65\)/);
    expect(depthExceededAt(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`)).toBe(5 * 64);
    // A 100k-deep bomb is refused in one pass, with no stack overflow anywhere.
    expect(packTextProblem('['.repeat(100_000))).toMatch(/deeper than 64/);
  });

  it('accepts exactly 64 levels and ignores brackets inside strings, escaped quotes included', () => {
    expect(depthExceededAt(`${'['.repeat(64)}${']'.repeat(64)}`)).toBe(-1);
    expect(depthExceededAt(JSON.stringify({ s: '[[[[{{{{'.repeat(100), t: 'a\\"[[[[' }))).toBe(-1);
    expect(depthExceededAt(JSON.stringify(['"[', ['\\', ['\\"{{{']]]))).toBe(-1);
    expect(packTextProblem(JSON.stringify(minimalPack()))).toBeNull();
  });

  it('validatePackText reports a guard problem as the only problem, without parsing', () => {
    expect(validatePackText(`{"a":${'['.repeat(70)}`)).toEqual({
      ok: false,
      id: null,
      counts: { scenarios: 0, designs: 0, templates: 0 },
      problems: [{ path: '', message: expect.stringContaining('deeper than 64') }],
      warnings: [],
    });
  });
});
