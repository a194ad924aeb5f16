/**
 * The service worker: precaches the app shell on install, renders client-side routes from the cached shell when the
 * network is gone, and keeps the large runtime files (wasm, models) once fetched. Built into `/sw.js` by
 * scripts/pwa/plugin.ts, which injects the precache manifest. Responses are stored and served as received, so the
 * COOP/COEP headers the server sent stay on them and the page is still cross-origin isolated offline.
 */
import {
  MANIFEST_KEY,
  NAVIGATION_TIMEOUT_MS,
  RUNTIME_CACHE,
  RUNTIME_CAP,
  SHELL_PREFIX,
  SHELL_URL,
  cachesToDelete,
  isSkipWaiting,
  parseManifest,
  planEviction,
  planPrecache,
  routeRequest,
  shellCacheName,
  type PrecacheManifest,
} from './routing.ts';

// Replaced at build time with this build's manifest (a JSON literal).
declare const __MLSD_PRECACHE__: PrecacheManifest;

// tsconfig has the DOM lib too, where `self` is a Window.
const sw = self as unknown as ServiceWorkerGlobalScope;
const manifest = __MLSD_PRECACHE__;
const shellCache = shellCacheName(manifest.id);
const precached = new Set(manifest.entries.map((e) => e.url));

sw.addEventListener('install', (event) => event.waitUntil(precache()));

sw.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(cachesToDelete(names, shellCache).map((n) => caches.delete(n)));
      // Take the open pages now: on a first visit the page loaded from the network is this same build.
      await sw.clients.claim();
    })(),
  ),
);

// A new version waits until the user accepts it (the page's "Reload"), so a tab never mixes two builds' chunks.
sw.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const route = routeRequest({ method: request.method, url: request.url, mode: request.mode, hasRange: request.headers.has('range') }, sw.location.origin, precached);
  switch (route.kind) {
    case 'bypass':
      return;
    case 'navigation':
      return event.respondWith(navigation(request));
    case 'precache':
      return event.respondWith(fromShell(request, route.key));
    case 'static':
      return event.respondWith(fromAnyCache(request));
    case 'runtime':
      return event.respondWith(runtime(event, route.strategy));
  }
});

async function precache(): Promise<void> {
  const cache = await caches.open(shellCache);
  const previous = await previousShell();
  const plan = planPrecache(manifest.entries, previous?.manifest ?? null);
  await Promise.all([
    ...plan.reuse.map(async (e) => {
      const hit = await previous?.cache.match(e.url);
      await cache.put(e.url, hit ?? (await download(e.url)));
    }),
    ...plan.fetch.map(async (e) => cache.put(e.url, await download(e.url))),
  ]);
  // Written last: a shell cache with a manifest is complete, so the next build can trust what it lists.
  await cache.put(MANIFEST_KEY, new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
}

/** The most recent complete shell cache of an earlier build, to copy unchanged files from instead of downloading. */
async function previousShell(): Promise<{ cache: Cache; manifest: PrecacheManifest } | null> {
  const names = (await caches.keys()).filter((n) => n.startsWith(SHELL_PREFIX) && n !== shellCache);
  for (const name of names.reverse()) {
    const cache = await caches.open(name);
    const stored = await cache.match(MANIFEST_KEY);
    const parsed = stored ? parseManifest(await stored.json().catch(() => null)) : null;
    if (parsed) return { cache, manifest: parsed };
  }
  return null;
}

async function download(url: string): Promise<Response> {
  // Past the HTTP cache: index.html must be this build's, not a stale copy.
  const res = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
  if (!res.ok) throw new Error(`precache: ${url} answered ${res.status}`);
  return res.redirected ? unredirect(res) : res;
}

/** A redirected response cannot answer a navigation; a copy (headers included, COOP/COEP with them) can. */
async function unredirect(res: Response): Promise<Response> {
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
}

/** Network first, so an online user gets the deployed version; the cached shell when offline or too slow. */
async function navigation(request: Request): Promise<Response> {
  try {
    const res = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS);
    // A host without an SPA fallback answers a deep link with 404: the shell renders the route instead.
    if (res.ok || res.type === 'opaqueredirect') return res;
    return (await caches.match(SHELL_URL, { cacheName: shellCache })) ?? res;
  } catch {
    return (await caches.match(SHELL_URL, { cacheName: shellCache })) ?? Response.error();
  }
}

async function fromShell(request: Request, key: string): Promise<Response> {
  return (await caches.match(key, { cacheName: shellCache })) ?? fetch(request);
}

async function fromAnyCache(request: Request): Promise<Response> {
  return (await caches.match(request)) ?? fetch(request);
}

async function runtime(event: FetchEvent, strategy: 'cache-first' | 'stale-while-revalidate'): Promise<Response> {
  const { request } = event;
  const cache = await caches.open(RUNTIME_CACHE);
  const hit = await cache.match(request);
  if (hit && strategy === 'cache-first') return hit;
  const network = fetch(request).then((res) => {
    // Cloned before the page reads the body; stored after the response is on its way.
    if (res.status === 200 && res.type === 'basic') event.waitUntil(store(cache, request, res.clone()));
    return res;
  });
  if (!hit) return network;
  event.waitUntil(network.catch(() => undefined));
  return hit;
}

async function store(cache: Cache, request: Request, res: Response): Promise<void> {
  try {
    await cache.put(request, res);
    const entries = await Promise.all(
      (await cache.keys()).map(async (key) => ({ url: key.url, bytes: await sizeOf(await cache.match(key)) })),
    );
    await Promise.all(planEviction(entries, RUNTIME_CAP).map((url) => cache.delete(url)));
  } catch {
    // Over quota or evicted meanwhile: the file is simply fetched again next time.
  }
}

async function sizeOf(res: Response | undefined): Promise<number> {
  if (!res) return 0;
  const declared = Number(res.headers.get('content-length'));
  // A cached body is a disk-backed blob: its size is known without reading it.
  return Number.isFinite(declared) && declared > 0 ? declared : (await res.blob()).size;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
