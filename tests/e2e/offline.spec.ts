import { expect, test, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addChain, createBlankDesign, node, readDb, waitSaved } from './helpers.ts';

// The build under test (see playwright.config.ts): its smallest wasm stands in for the runtimes the lab fetches.
const outDir = process.env.E2E_OUT_DIR ?? 'dist';
function smallestWasm(): string {
  const files = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.wasm'));
  files.sort((a, b) => statSync(join(outDir, 'assets', a)).size - statSync(join(outDir, 'assets', b)).size);
  if (!files[0]) throw new Error(`no wasm in ${outDir}/assets`);
  return `/assets/${files[0]}`;
}

/** Resolves once a service worker is active and controls this page (on a first visit, after its clients.claim()). */
async function waitControlled(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
    return reg.active?.scriptURL ?? '';
  });
}

// The rest of the suite blocks service workers (playwright.config.ts); these tests are about them.
test.use({ serviceWorkers: 'allow' });

test('the built app installs a service worker and works offline: reload, deep links, IndexedDB, cross-origin isolation', async ({ page, context, baseURL }) => {
  await createBlankDesign(page);
  expect(await waitControlled(page)).toBe(`${baseURL}/sw.js`);
  await expect(page.getByRole('status').filter({ hasText: 'Ready to work offline' })).toBeVisible();
  // The shell cache holds the whole app shell (index.html as /) and no wasm.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const shell = names.find((n) => n.startsWith('mlsd-shell-'));
    const keys = shell ? (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname) : [];
    return { names, keys };
  });
  expect(cached.names.filter((n) => n.startsWith('mlsd-shell-'))).toHaveLength(1);
  expect(cached.keys).toEqual(expect.arrayContaining(['/', '/manifest.webmanifest', '/icon.svg', '/icons/icon-192.png']));
  expect(cached.keys.some((k) => /^\/assets\/WorkspacePage-.+\.js$/.test(k))).toBe(true);
  expect(cached.keys.some((k) => k.endsWith('.wasm'))).toBe(false);

  // A runtime file is cached on first use, in the runtime cache, with its headers.
  const wasm = smallestWasm();
  expect(await page.evaluate((u) => fetch(u).then((r) => r.status), wasm)).toBe(200);
  await expect.poll(() => page.evaluate(async (u) => Boolean(await (await caches.open('mlsd-runtime-v1')).match(u)), wasm)).toBe(true);

  await addChain(page, ['api-gateway', 'cache']);
  await waitSaved(page);
  const designUrl = new URL(page.url()).pathname;
  const [stored] = await readDb(page);
  expect(stored?.design.nodes.map((n) => n.id)).toEqual(['api-gateway-1', 'cache-1']);

  await context.setOffline(true);
  // The network really is gone, for the worker's own fetches too: a URL it does not handle fails.
  const probe = await page.evaluate(() => fetch(`/not-cached-${Date.now()}`).then((r) => `status ${r.status}`, () => 'failed'));
  expect(probe).toBe('failed');

  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(node(page, 'api-gateway-1')).toBeVisible();
  await expect(node(page, 'cache-1')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  // Served from the cache with the server's COOP/COEP headers, the page is still cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  const offlineWasm = await page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, type: r.headers.get('content-type'), coep: r.headers.get('cross-origin-embedder-policy'), bytes: (await r.arrayBuffer()).byteLength };
  }, wasm);
  expect(offlineWasm).toEqual({ status: 200, type: 'application/wasm', coep: 'require-corp', bytes: statSync(join(outDir, wasm)).size });

  // Deep links typed into the address bar: each renders from the cached shell.
  const docs = await page.goto('/docs');
  expect(docs?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Design docs', level: 1 })).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('design-row')).toHaveCount(1);
  await page.goto(designUrl);
  await expect(node(page, 'cache-1')).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // Work done offline is saved too.
  await page.locator('.palette-item[data-kind="database"]').click();
  await waitSaved(page);
  expect((await readDb(page))[0]?.design.nodes.map((n) => n.id).sort()).toEqual(['api-gateway-1', 'cache-1', 'database-1']);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Nothing at /no/such/page' })).toBeVisible();
  await context.setOffline(false);
});

test('the web app manifest is linked and describes an installable app', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  // The title bar follows the app's own theme: the system's (light here) until the person picks one.
  const colors = () => page.locator('meta[name="theme-color"]').evaluateAll((els) => els.map((e) => [e.getAttribute('media'), e.getAttribute('content')]));
  expect(await colors()).toEqual([['(prefers-color-scheme: light)', '#ffffff'], ['(prefers-color-scheme: dark)', '#ffffff']]);
  await page.evaluate(() => localStorage.setItem('mlsd.theme', 'dark'));
  await page.reload();
  expect(await colors()).toEqual([['(prefers-color-scheme: light)', '#1b1d24'], ['(prefers-color-scheme: dark)', '#1b1d24']]);

  const res = await request.get(href!);
  expect(res.ok()).toBe(true);
  const manifest = (await res.json()) as { name: string; short_name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
  expect(manifest).toMatchObject({ name: 'MLSD Studio', short_name: 'MLSD Studio', start_url: '/', display: 'standalone' });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['any any', '192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const r = await request.get(icon.src);
    expect(r.ok(), icon.src).toBe(true);
    expect(r.headers()['content-type']).toContain(icon.type);
  }
});
