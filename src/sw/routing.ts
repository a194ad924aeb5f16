/**
 * The service worker's rules as pure functions: which request goes to which cache, what a new deploy can reuse from
 * the previous one, and what the runtime cache evicts. No Cache API here, so all of it is unit-tested in Node; the
 * build plugin uses the same rules to choose what to precache.
 */

export const CACHE_PREFIX = 'mlsd-';
/** One shell cache per build: a deploy installs a new one and activation deletes the old. */
export const SHELL_PREFIX = `${CACHE_PREFIX}shell-`;
/** Large files fetched on first use. Unversioned: content-hashed wasm survives deploys that did not change it. */
export const RUNTIME_CACHE = `${CACHE_PREFIX}runtime-v1`;
/** The shell document every client-side route is rendered from. */
export const SHELL_URL = '/';
/** Where a shell cache keeps the manifest it was built from, so the next build can reuse unchanged files. */
export const MANIFEST_KEY = '/__mlsd-precache.json';
/** ORT's two wasm builds are 14 and 27 MB; room for both, the tfjs ones and a few models, not unbounded. */
export const RUNTIME_CAP: CacheCap = { maxBytes: 200 * 1024 * 1024, maxEntries: 60 };
/** A navigation waits this long for the network before rendering from the cached shell (a "lie-fi" connection). */
export const NAVIGATION_TIMEOUT_MS = 3000;
/** What the page posts to a waiting worker when the user accepts the update. */
export const SKIP_WAITING = 'mlsd:skip-waiting';

export interface PrecacheEntry {
  url: string;
  revision: string;
}

export interface PrecacheManifest {
  /** Hash of every entry's url and revision: names the shell cache. */
  id: string;
  entries: PrecacheEntry[];
}

export interface CacheCap {
  maxBytes: number;
  maxEntries: number;
}

export type Route =
  | { kind: 'bypass' }
  | { kind: 'navigation' }
  | { kind: 'precache'; key: string }
  /** Same-origin code or asset outside this build's shell (another build's chunk): any of our caches, else network. */
  | { kind: 'static' }
  | { kind: 'runtime'; strategy: 'cache-first' | 'stale-while-revalidate' };

export interface RequestFacts {
  method: string;
  url: string;
  mode: string;
  /** A Range request gets a 206, which the Cache API refuses to store. */
  hasRange: boolean;
}

const LARGE_EXT = /\.(wasm|onnx|ort|tflite|bin|safetensors|data)$/i;
const MODEL_DIR = /^\/models\//;
const TFJS_MODEL = /(^|\/)model\.json$/i;
const STATIC_EXT = /\.(m?js|css|svg|png|jpe?g|webp|gif|ico|woff2?|ttf|json|webmanifest|txt|md)$/i;
/** Vite's emitted names: `/assets/name-<hash>.ext`. Such a URL never changes content. */
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8,}\.[a-z0-9]+$/i;

/** Runtimes and models: too big to download on install, fetched when the benchmark lab first needs them. */
export function isLargeRuntimeFile(pathname: string): boolean {
  return LARGE_EXT.test(pathname) || MODEL_DIR.test(pathname) || TFJS_MODEL.test(pathname);
}

export function isHashedAsset(pathname: string): boolean {
  return HASHED_ASSET.test(pathname);
}

export function shellCacheName(manifestId: string): string {
  return `${SHELL_PREFIX}${manifestId}`;
}

export function routeRequest(req: RequestFacts, origin: string, precached: ReadonlySet<string>): Route {
  if (req.method !== 'GET' || req.hasRange) return { kind: 'bypass' };
  const url = new URL(req.url);
  // Cross-origin responses would be opaque (and blocked by COEP anyway): never ours to cache.
  if (url.origin !== origin) return { kind: 'bypass' };
  if (url.pathname === '/sw.js') return { kind: 'bypass' };
  if (req.mode === 'navigate') return { kind: 'navigation' };
  if (isLargeRuntimeFile(url.pathname)) return { kind: 'runtime', strategy: isHashedAsset(url.pathname) ? 'cache-first' : 'stale-while-revalidate' };
  if (url.search === '' && precached.has(url.pathname)) return { kind: 'precache', key: url.pathname };
  // Not stored in the runtime cache: a page loaded from a newer deploy would otherwise fill it with chunks and push
  // the wasm out. The newer build's waiting worker has them in its own shell cache, which a lookup finds.
  if (STATIC_EXT.test(url.pathname)) return { kind: 'static' };
  return { kind: 'bypass' };
}

/**
 * The app shell from a build's output (paths relative to the output folder) with a content revision each:
 * everything but the large runtime files, source maps and the worker itself; index.html is served as `/`.
 */
export function precacheEntries(files: readonly { path: string; revision: string }[], workerFile = 'sw.js'): PrecacheEntry[] {
  const entries: PrecacheEntry[] = [];
  for (const f of files) {
    const path = f.path.replace(/\\/g, '/').replace(/^\/+/, '');
    if (path === workerFile || path.endsWith('.map') || path.split('/').some((p) => p.startsWith('.'))) continue;
    const url = path === 'index.html' ? SHELL_URL : `/${path}`;
    if (isLargeRuntimeFile(url)) continue;
    entries.push({ url, revision: f.revision });
  }
  return entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The text a manifest id is hashed from: any changed file, added or removed one changes it. */
export function manifestFingerprint(entries: readonly PrecacheEntry[]): string {
  return entries.map((e) => `${e.url} ${e.revision}`).join('\n');
}

/** Which entries a new install can copy from the previous shell cache (same url and revision) and which to download. */
export function planPrecache(entries: readonly PrecacheEntry[], previous: PrecacheManifest | null): { reuse: PrecacheEntry[]; fetch: PrecacheEntry[] } {
  const old = new Map((previous?.entries ?? []).map((e) => [e.url, e.revision]));
  const reuse: PrecacheEntry[] = [];
  const fetch: PrecacheEntry[] = [];
  for (const e of entries) (old.get(e.url) === e.revision ? reuse : fetch).push(e);
  return { reuse, fetch };
}

/** Caches to delete on activation: our older shells and runtime caches of another version; other apps' caches stay. */
export function cachesToDelete(names: readonly string[], currentShell: string): string[] {
  return names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== currentShell && n !== RUNTIME_CACHE);
}

/**
 * Entries to evict after storing one, oldest first, until the cache fits its cap. `entries` are in storage order
 * (the Cache API keeps insertion order) and the last one is the one just stored: it is kept unless it alone is over
 * the byte cap, in which case only it goes (evicting everything else would not make it fit).
 */
export function planEviction(entries: readonly { url: string; bytes: number }[], cap: CacheCap): string[] {
  const newest = entries[entries.length - 1];
  if (!newest) return [];
  if (newest.bytes > cap.maxBytes) return [newest.url];
  let bytes = entries.reduce((s, e) => s + e.bytes, 0);
  let count = entries.length;
  const evict: string[] = [];
  for (const e of entries.slice(0, -1)) {
    if (bytes <= cap.maxBytes && count <= cap.maxEntries) break;
    evict.push(e.url);
    bytes -= e.bytes;
    count -= 1;
  }
  return evict;
}

export function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING;
}

/** A valid manifest read back from a shell cache, or null (an older format, a corrupt entry). */
export function parseManifest(value: unknown): PrecacheManifest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, entries } = value as { id?: unknown; entries?: unknown };
  if (typeof id !== 'string' || !Array.isArray(entries)) return null;
  const ok = entries.every((e: unknown) => typeof e === 'object' && e !== null && typeof (e as PrecacheEntry).url === 'string' && typeof (e as PrecacheEntry).revision === 'string');
  return ok ? { id, entries: entries as PrecacheEntry[] } : null;
}
