import { describe, expect, it } from 'vitest';
import {
  RUNTIME_CACHE,
  cachesToDelete,
  isLargeRuntimeFile,
  isSkipWaiting,
  manifestFingerprint,
  parseManifest,
  planEviction,
  planPrecache,
  precacheEntries,
  routeRequest,
  shellCacheName,
  SKIP_WAITING,
  type RequestFacts,
} from '../../../src/sw/routing.ts';

const origin = 'https://studio.example';
const precached = new Set(['/', '/assets/index-AbCd1234.js', '/assets/index-EfGh5678.css', '/icon.svg', '/manifest.webmanifest']);
const get = (path: string, over: Partial<RequestFacts> = {}): RequestFacts => ({ method: 'GET', url: `${origin}${path}`, mode: 'cors', hasRange: false, ...over });
const route = (path: string, over: Partial<RequestFacts> = {}) => routeRequest(get(path, over), origin, precached);

describe('routeRequest', () => {
  it('sends every navigation, deep links included, to the network-first shell', () => {
    for (const path of ['/', '/design/abc', '/doc/x?tab=1', '/docs', '/interview/42', '/benchmarks']) {
      expect(route(path, { mode: 'navigate' })).toEqual({ kind: 'navigation' });
    }
  });

  it('serves precached shell files from the shell cache by path', () => {
    expect(route('/assets/index-AbCd1234.js')).toEqual({ kind: 'precache', key: '/assets/index-AbCd1234.js' });
    expect(route('/manifest.webmanifest')).toEqual({ kind: 'precache', key: '/manifest.webmanifest' });
    expect(route('/icon.svg')).toEqual({ kind: 'precache', key: '/icon.svg' });
  });

  it('puts runtimes and models in the runtime cache: cache-first when hashed, revalidated when not', () => {
    expect(route('/assets/ort-wasm-simd-threaded-DcHrbrbl.wasm')).toEqual({ kind: 'runtime', strategy: 'cache-first' });
    expect(route('/assets/tfjs-backend-wasm-simd-BrM3BlWr.wasm')).toEqual({ kind: 'runtime', strategy: 'cache-first' });
    expect(route('/models/resnet.onnx')).toEqual({ kind: 'runtime', strategy: 'stale-while-revalidate' });
    expect(route('/models/mlp/model.json')).toEqual({ kind: 'runtime', strategy: 'stale-while-revalidate' });
    expect(route('/models/mlp/group1-shard1of1.bin')).toEqual({ kind: 'runtime', strategy: 'stale-while-revalidate' });
  });

  it('looks up other same-origin static files in any cache (not the capped runtime one), and leaves the rest to the network', () => {
    expect(route('/assets/NewerBuild-Zz99Yy88.js')).toEqual({ kind: 'static' });
    expect(route('/assets/NewerBuild-Zz99Yy88.css')).toEqual({ kind: 'static' });
    expect(route('/icon.svg?v=2')).toEqual({ kind: 'static' });
    expect(route('/api/thing')).toEqual({ kind: 'bypass' });
    expect(route('/not-cached-123')).toEqual({ kind: 'bypass' });
  });

  it('never touches non-GET, cross-origin, range requests or the worker script', () => {
    expect(route('/assets/index-AbCd1234.js', { method: 'POST' })).toEqual({ kind: 'bypass' });
    expect(route('/', { method: 'HEAD', mode: 'navigate' })).toEqual({ kind: 'bypass' });
    expect(routeRequest(get('/x', { url: 'https://cdn.example/lib.js' }), origin, precached)).toEqual({ kind: 'bypass' });
    expect(routeRequest(get('/x', { url: 'http://studio.example/icon.svg' }), origin, precached)).toEqual({ kind: 'bypass' });
    expect(route('/assets/ort-wasm-simd-threaded-DcHrbrbl.wasm', { hasRange: true })).toEqual({ kind: 'bypass' });
    expect(route('/sw.js')).toEqual({ kind: 'bypass' });
  });
});

describe('isLargeRuntimeFile', () => {
  it('recognises wasm, model formats and the model folder, not app code', () => {
    expect(['/a.wasm', '/x/m.onnx', '/x/m.ort', '/models/readme.txt', '/m/model.json', '/w.bin'].map(isLargeRuntimeFile)).toEqual([true, true, true, true, true, true]);
    expect(['/assets/index-AbCd1234.js', '/manifest.webmanifest', '/icon.svg', '/data.json'].map(isLargeRuntimeFile)).toEqual([false, false, false, false]);
  });
});

describe('precacheEntries', () => {
  it('lists the shell as sorted absolute URLs, index.html as /, without wasm, maps, dotfiles or the worker', () => {
    const entries = precacheEntries([
      { path: 'index.html', revision: 'h1' },
      { path: 'assets/index-AbCd1234.js', revision: 'h2' },
      { path: 'assets/ort-wasm-simd-threaded-DcHrbrbl.wasm', revision: 'h3' },
      { path: 'assets/index-AbCd1234.js.map', revision: 'h4' },
      { path: 'sw.js', revision: 'h5' },
      { path: 'icons\\icon-192.png', revision: 'h6' },
      { path: '.DS_Store', revision: 'h7' },
      { path: 'models/m.onnx', revision: 'h8' },
      { path: 'manifest.webmanifest', revision: 'h9' },
    ]);
    expect(entries).toEqual([
      { url: '/', revision: 'h1' },
      { url: '/assets/index-AbCd1234.js', revision: 'h2' },
      { url: '/icons/icon-192.png', revision: 'h6' },
      { url: '/manifest.webmanifest', revision: 'h9' },
    ]);
  });

  it('gives a fingerprint that changes with any revision and names a distinct shell cache', () => {
    const a = [{ url: '/', revision: '1' }, { url: '/a.js', revision: '2' }];
    const b = [{ url: '/', revision: '1' }, { url: '/a.js', revision: '3' }];
    expect(manifestFingerprint(a)).toBe('/ 1\n/a.js 2');
    expect(manifestFingerprint(a)).not.toBe(manifestFingerprint(b));
    expect(shellCacheName('abc')).toBe('mlsd-shell-abc');
  });
});

describe('planPrecache', () => {
  it('reuses files whose url and revision are unchanged and downloads the rest', () => {
    const previous = { id: 'old', entries: [{ url: '/', revision: 'a' }, { url: '/assets/x-11111111.js', revision: 'x' }, { url: '/gone.js', revision: 'g' }] };
    const plan = planPrecache([{ url: '/', revision: 'b' }, { url: '/assets/x-11111111.js', revision: 'x' }, { url: '/new.js', revision: 'n' }], previous);
    expect(plan.reuse).toEqual([{ url: '/assets/x-11111111.js', revision: 'x' }]);
    expect(plan.fetch).toEqual([{ url: '/', revision: 'b' }, { url: '/new.js', revision: 'n' }]);
  });

  it('downloads everything on a first install', () => {
    expect(planPrecache([{ url: '/', revision: 'a' }], null)).toEqual({ reuse: [], fetch: [{ url: '/', revision: 'a' }] });
  });
});

describe('cachesToDelete', () => {
  it('drops older shells and other runtime versions, keeps the current ones and foreign caches', () => {
    const names = ['mlsd-shell-old1', 'mlsd-shell-new', RUNTIME_CACHE, 'mlsd-runtime-v0', 'someone-else'];
    expect(cachesToDelete(names, 'mlsd-shell-new')).toEqual(['mlsd-shell-old1', 'mlsd-runtime-v0']);
  });
});

describe('planEviction', () => {
  const MB = 1024 * 1024;
  const cap = { maxBytes: 100 * MB, maxEntries: 3 };

  it('evicts nothing while under both caps', () => {
    expect(planEviction([{ url: 'a', bytes: 40 * MB }, { url: 'b', bytes: 50 * MB }], cap)).toEqual([]);
    expect(planEviction([], cap)).toEqual([]);
  });

  it('evicts the oldest first until the bytes fit, never the one just stored', () => {
    const entries = [{ url: 'a', bytes: 30 * MB }, { url: 'b', bytes: 30 * MB }, { url: 'c', bytes: 60 * MB }];
    expect(planEviction(entries, cap)).toEqual(['a']);
    expect(planEviction([...entries.slice(0, 2), { url: 'c', bytes: 95 * MB }], cap)).toEqual(['a', 'b']);
  });

  it('evicts by count too', () => {
    const entries = ['a', 'b', 'c', 'd', 'e'].map((url) => ({ url, bytes: 1 }));
    expect(planEviction(entries, cap)).toEqual(['a', 'b']);
  });

  it('drops only the new entry when it alone is over the cap', () => {
    expect(planEviction([{ url: 'a', bytes: 1 }, { url: 'huge', bytes: 101 * MB }], cap)).toEqual(['huge']);
  });
});

describe('messages and stored manifests', () => {
  it('recognises only the skip-waiting message', () => {
    expect(isSkipWaiting({ type: SKIP_WAITING })).toBe(true);
    expect([null, 'x', { type: 'other' }, {}].map(isSkipWaiting)).toEqual([false, false, false, false]);
  });

  it('reads back a valid manifest and refuses a malformed one', () => {
    const m = { id: 'abc', entries: [{ url: '/', revision: '1' }] };
    expect(parseManifest(JSON.parse(JSON.stringify(m)))).toEqual(m);
    expect(parseManifest({ id: 'abc', entries: [{ url: '/' }] })).toBeNull();
    expect(parseManifest({ entries: [] })).toBeNull();
    expect(parseManifest(null)).toBeNull();
  });
});
