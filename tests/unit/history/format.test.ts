import { describe, expect, it } from 'vitest';
import { readVersion } from '../../../src/domain/history/format.ts';
import { readContent, sameJson } from '../../../src/domain/history/content.ts';
import { chain, doc } from './fixtures.ts';

const good = { format: 'mlsd-version', version: 1, id: 'v1', targetKind: 'design', targetId: 'd1', createdAt: 5, auto: true, content: chain(2) };

describe('mlsd-version format', () => {
  it('reads a valid version and refuses bad ones with the reason', () => {
    expect(readVersion(good)).toMatchObject({ ok: true, value: { id: 'v1', auto: true } });
    expect(readVersion({ ...good, name: 'Baseline' })).toMatchObject({ ok: true, value: { name: 'Baseline' } });
    expect(readVersion({ ...good, version: 2 })).toMatchObject({ ok: false, reason: 'too-new' });
    expect(readVersion({ ...good, targetKind: 'attempt' })).toMatchObject({ ok: false, reason: 'invalid', path: 'targetKind' });
    expect(readVersion({ ...good, name: '   ' })).toMatchObject({ ok: false, reason: 'invalid', path: 'name' });
    expect(readVersion({ ...good, content: 'text' })).toMatchObject({ ok: false, reason: 'invalid', path: 'content' });
    expect(readVersion({ ...good, format: 'mlsd-design' })).toMatchObject({ ok: false, reason: 'wrong-format' });
  });

  it('reads content through its own format', () => {
    expect(readContent('design', chain(2))).toMatchObject({ kind: 'design', design: { nodes: [{ id: 'n0' }, { id: 'n1' }] } });
    expect(readContent('doc', doc('# Hi'))).toMatchObject({ kind: 'doc', doc: { markdown: '# Hi' } });
    expect(readContent('doc', chain(2))).toBeNull();
    expect(readContent('design', { ...chain(2), version: 99 })).toBeNull();
  });

  it('compares JSON values regardless of key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});
