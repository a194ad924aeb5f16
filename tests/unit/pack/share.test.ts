import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/domain/pack/base64url.ts';
import { readPack } from '../../../src/domain/pack/format.ts';
import type { Pack } from '../../../src/domain/pack/schema.ts';
import { decodeShare, encodeShare, MAX_SHARE_CHARS, MAX_SHARE_INFLATED_BYTES } from '../../../src/domain/pack/share.ts';
import { minimalPack, smallDesign, starterRaw, templateText } from './packFixtures.ts';

const pack = (raw: unknown): Pack => {
  const r = readPack(raw);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

/** A design plus a template: what a person typically shares by link. */
const shareable = () => pack({ ...minimalPack(), designs: [starterRaw().designs[0]], templates: [{ id: 'one-page-brief', text: templateText('one-page-brief') }] });

const fragmentOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('round-trips a pack through a fragment of URL-safe characters', async () => {
    const p = shareable();
    const e = await encodeShare(p);
    if (!e.ok) throw new Error(e.message);
    expect(e.fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(e.fragment.length).toBeLessThanOrEqual(MAX_SHARE_CHARS);
    const d = await decodeShare(e.fragment);
    expect(d).toEqual({ ok: true, value: p });
    // The "#" a browser's location.hash includes, and stray whitespace from a paste, are fine.
    expect(await decodeShare(` #${e.fragment}\n`)).toMatchObject({ ok: true });
  });

  it('is plain JSON → UTF-8 → deflate-raw → base64url, so other tools can make links', async () => {
    const p = pack(minimalPack());
    const fragment = fragmentOf(deflateRawSync(Buffer.from(JSON.stringify(p), 'utf8')));
    expect(await decodeShare(fragment)).toEqual({ ok: true, value: p });
  });

  it('fits one bundled scenario with its reference design in a link', async () => {
    const starter = pack(starterRaw());
    const one = { ...starter, scenarios: starter.scenarios.slice(0, 1), designs: starter.designs?.slice(0, 1) ?? [], templates: [] };
    const e = await encodeShare(one);
    expect(e.ok ? e.fragment.length : e.message).toBeGreaterThan(8000);
    expect(e.ok).toBe(true);
  });

  it('refuses to encode a pack whose link would be too long, giving the size', async () => {
    const e = await encodeShare(pack(starterRaw()));
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.message).toMatch(/would make a link of \d{2},\d{3} characters; a share link may carry at most 16,000/);
  });

  it('refuses to encode a pack that does not validate', async () => {
    const bad = { ...pack(minimalPack()), id: 'NOT OK' } as Pack;
    expect(await encodeShare(bad)).toMatchObject({ ok: false, message: expect.stringContaining('cannot be shared') });
  });

  it('refuses oversize, empty, badly encoded and corrupted fragments with a message', async () => {
    expect(await decodeShare('A'.repeat(MAX_SHARE_CHARS + 1))).toMatchObject({ ok: false, message: expect.stringContaining('16,001 characters') });
    expect(await decodeShare('')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(await decodeShare('abc$def')).toMatchObject({ ok: false, message: expect.stringContaining('characters or a length') });
    expect(await decodeShare('abcde')).toMatchObject({ ok: false, message: expect.stringContaining('characters or a length') });
    const e = await encodeShare(shareable());
    if (!e.ok) throw new Error(e.message);
    // Cut off, as a chat app might do to a long link.
    expect(await decodeShare(e.fragment.slice(0, Math.floor(e.fragment.length / 2)))).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('damaged') });
    // Not deflate data at all.
    expect(await decodeShare(fragmentOf(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00])))).toMatchObject({ ok: false, message: expect.stringContaining('does not decompress') });
    // Valid deflate of something that is not a pack.
    expect(await decodeShare(fragmentOf(deflateRawSync(Buffer.from('hello'))))).toMatchObject({ ok: false, reason: 'not-json' });
    expect(await decodeShare(fragmentOf(deflateRawSync(Buffer.from(JSON.stringify({ ...minimalPack(), version: 7 })))))).toMatchObject({ ok: false, reason: 'too-new' });
    expect(await decodeShare(fragmentOf(deflateRawSync(Buffer.from([0xc3, 0x28]))))).toMatchObject({ ok: false, message: expect.stringContaining('not text') });
  });

  it('refuses a decompression bomb without inflating it all', async () => {
    // 64 MB of spaces deflate to ~64 KB; 3 MB to ~3 KB, which fits a link.
    const bomb = fragmentOf(deflateRawSync(Buffer.alloc(3 * 1024 * 1024, 0x20), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_SHARE_CHARS);
    const r = await decodeShare(bomb);
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.message).toContain(`more than ${MAX_SHARE_INFLATED_BYTES.toLocaleString('en-US')} bytes`);
  });

  it('corrupting any single character never throws and never yields a different valid pack', async () => {
    const p = pack({ ...minimalPack(), designs: [smallDesign()] });
    const e = await encodeShare(p);
    if (!e.ok) throw new Error(e.message);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.nat(e.fragment.length - 1), fc.constantFrom(...alphabet), async (at, c) => {
        const changed = `${e.fragment.slice(0, at)}${c}${e.fragment.slice(at + 1)}`;
        const r = await decodeShare(changed);
        // A change in the padding bits of the last character decodes to the same bytes; anything else that still
        // reads must at least be a valid pack (deflate has no checksum; the schema is the backstop).
        if (r.ok) expect(readPack(r.value).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('base64url', () => {
  it('agrees with Node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('refuses padding, standard-base64 characters and impossible lengths', () => {
    expect(fromBase64Url('QQ==')).toBeNull();
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('QUJDR')).toBeNull();
    expect(fromBase64Url('é')).toBeNull();
    expect(fromBase64Url('')).toEqual(new Uint8Array());
  });
});
