import type { ReadResult } from '../versioning/readVersioned.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { readPack, readPackText } from './format.ts';
import type { Pack } from './schema.ts';

/**
 * A pack travels in a link's fragment as JSON → UTF-8 → deflate-raw → base64url. The fragment never reaches a
 * server, so the link shares a pack without one; the limits keep links pasteable and decoding bounded.
 */

/**
 * Browsers take URLs far longer than this, but chat apps and mail clients cut or wrap very long ones; 16,000
 * fits one full scenario with its reference design (about 9,000 characters) and refuses a whole course.
 */
export const MAX_SHARE_CHARS = 16_000;
/** 16,000 characters inflate to at most ~6 MB of legitimate-looking data; no shareable pack needs more than this. */
export const MAX_SHARE_INFLATED_BYTES = 2 * 1024 * 1024;

export type ShareResult = { ok: true; fragment: string } | { ok: false; message: string };

type Pumped = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; why: 'too-big' | 'corrupt' };

const thousands = (n: number) => n.toLocaleString('en-US');

/** Run bytes through a (de)compression stream, giving up as soon as the output passes `limit` bytes. */
async function pump(input: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream, limit: number): Promise<Pumped> {
  const reader = new Blob([input]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Stop the inflater rather than let a bomb fill memory; the cancel's own outcome does not matter.
        await reader.cancel().catch(() => undefined);
        return { ok: false, why: 'too-big' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, why: 'corrupt' };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}

/** The fragment for a pack (without "#"), or why it cannot be one: invalid, or too big for a link. */
export async function encodeShare(pack: Pack): Promise<ShareResult> {
  // Validate first, so a link never carries something its receiver would refuse.
  const checked = readPack(pack);
  if (!checked.ok) return { ok: false, message: `This pack cannot be shared: ${checked.message}` };
  const json = new TextEncoder().encode(JSON.stringify(checked.value));
  if (json.byteLength > MAX_SHARE_INFLATED_BYTES) {
    return { ok: false, message: `This pack is ${thousands(json.byteLength)} bytes of JSON; a share link may carry at most ${thousands(MAX_SHARE_INFLATED_BYTES)}. Share it as a file instead.` };
  }
  const deflated = await pump(json, new CompressionStream('deflate-raw'), Infinity);
  if (!deflated.ok) return { ok: false, message: 'This pack could not be compressed for a link. Share it as a file instead.' };
  const fragment = toBase64Url(deflated.bytes);
  if (fragment.length > MAX_SHARE_CHARS) {
    return {
      ok: false,
      message: `This pack would make a link of ${thousands(fragment.length)} characters; a share link may carry at most ${thousands(MAX_SHARE_CHARS)}. Share fewer items, or share it as a file.`,
    };
  }
  return { ok: true, fragment };
}

const damaged = (why: string): ReadResult<Pack> => ({ ok: false, reason: 'invalid', message: `This share link is damaged: ${why} Was it cut off or changed when it was copied?` });

/** Read a pack from a link fragment (with or without the leading "#"); never throws, never inflates past the limit. */
export async function decodeShare(fragment: string): Promise<ReadResult<Pack>> {
  const text = fragment.trim().replace(/^#/, '');
  if (text === '') return damaged('it carries no pack.');
  if (text.length > MAX_SHARE_CHARS) {
    return { ok: false, reason: 'invalid', message: `This share link carries ${thousands(text.length)} characters; a share link may carry at most ${thousands(MAX_SHARE_CHARS)}.` };
  }
  const bytes = fromBase64Url(text);
  if (!bytes) return damaged('it has characters or a length that no share link has.');
  const inflated = await pump(bytes, new DecompressionStream('deflate-raw'), MAX_SHARE_INFLATED_BYTES);
  if (!inflated.ok) {
    if (inflated.why === 'too-big') {
      return { ok: false, reason: 'invalid', message: `This share link unpacks to more than ${thousands(MAX_SHARE_INFLATED_BYTES)} bytes, more than any shareable pack; it was refused.` };
    }
    return damaged('its data does not decompress.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return damaged('its data is not text.');
  }
  return readPackText(json);
}
