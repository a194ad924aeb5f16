import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { summarize } from '../../domain/calibration/stats.ts';
import { measureRun, type SweepPoint } from '../measure.ts';
import { feedArray, type BenchRunner, type RunnerInfo } from '../runner.ts';

/**
 * `--runtime browser`: onnxruntime-web in the system Chromium, headless, driven by Playwright. A local HTTP server
 * (127.0.0.1, free port) serves a cross-origin-isolated page (COOP/COEP, so wasm threads get SharedArrayBuffer),
 * ORT's ESM bundle and .wasm from node_modules, and the model and input bytes. The timing loop is measure.ts's own
 * measureRun, injected as source text, so Node and the page time runs the same way.
 */

export type BrowserBackend = 'wasm' | 'webgpu';

/** Which bundle each backend loads: CPU speed depends on the bundle (the JSEP build ran the wasm EP 3× slower, bench-feasibility §1). */
const BUNDLES: Record<BrowserBackend, { file: string; variant: string }> = {
  wasm: { file: 'ort.wasm.bundle.min.mjs', variant: 'onnxruntime-web/wasm' },
  webgpu: { file: 'ort.webgpu.bundle.min.mjs', variant: 'onnxruntime-web/webgpu' },
};

/** Flags from bench-feasibility §3; the resolver rule keeps the browser off every host but this one. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-webgpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const MIME: Record<string, string> = { mjs: 'text/javascript', js: 'text/javascript', wasm: 'application/wasm' };

function ortDistDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
}

/** The page: loads one ORT bundle, sets the thread count, and says when it is ready (or why not). */
const PAGE = `<!doctype html><meta charset="utf-8"><title>mlsd bench</title>
<script type="module">
const q = new URLSearchParams(location.search);
if (q.get('bundle')) try {
  const ort = await import('/ort/' + q.get('bundle'));
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = Number(q.get('threads'));
  ort.env.logLevel = 'error';
  window.__ort = ort;
  window.__ready = 'ok';
} catch (e) {
  window.__ready = 'error: ' + (e && e.message ? e.message : String(e));
}
</script>`;

interface Served {
  server: Server;
  origin: string;
  blobs: Map<string, Uint8Array>;
}

async function serve(): Promise<Served> {
  const dist = ortDistDir();
  const blobs = new Map<string, Uint8Array>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, type: string, body: string | Uint8Array) => {
      res.writeHead(status, { ...ISOLATION, 'Content-Type': type });
      res.end(body);
    };
    if (path === '/') return send(200, 'text/html; charset=utf-8', PAGE);
    const blob = /^\/blob\/([\w-]+)$/.exec(path);
    if (blob) {
      const bytes = blobs.get(blob[1]!);
      return bytes ? send(200, 'application/octet-stream', bytes) : send(404, 'text/plain', 'no such blob');
    }
    // Only plain file names from ORT's dist folder: no slashes, so no way out of it.
    const file = /^\/ort\/([\w.-]+\.(mjs|js|wasm))$/.exec(path);
    if (file) {
      readFile(join(dist, file[1]!)).then(
        (body) => send(200, MIME[file[2]!]!, body),
        () => send(404, 'text/plain', 'not found'),
      );
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, blobs };
}

type Playwright = { chromium: { launch(o: object): Promise<PwBrowser> } };
interface PwBrowser {
  newPage(): Promise<PwPage>;
  close(): Promise<void>;
  version(): string;
}
interface PwPage {
  goto(url: string): Promise<unknown>;
  addInitScript(script: string): Promise<void>;
  waitForFunction(fn: string, arg?: unknown, opts?: { timeout?: number }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  on(event: 'console' | 'pageerror', cb: (m: { text?: () => string; message?: string }) => void): void;
}

async function loadPlaywright(): Promise<Playwright> {
  try {
    return (await import('@playwright/test')) as unknown as Playwright;
  } catch {
    throw new Error('the browser runtime needs Playwright (@playwright/test), which is not installed');
  }
}

interface PageInfo {
  userAgent: string;
  cores: number;
  crossOriginIsolated: boolean;
  gpu?: { vendor?: string; architecture?: string; description?: string; isFallback?: boolean };
}

export interface BrowserRunnerOptions {
  threads?: number;
  backend?: BrowserBackend;
  executablePath?: string;
}

/** Launch Chromium and the page; close() stops both. Throws with the page's own error when ORT fails to start. */
export async function openBrowserRunner(opts: BrowserRunnerOptions = {}): Promise<BenchRunner> {
  const backend = opts.backend ?? 'wasm';
  const { chromium } = await loadPlaywright();
  const served = await serve();
  let browser: PwBrowser | undefined;
  try {
    browser = await chromium.launch({ executablePath: opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    // Code compiled by tsx/esbuild wraps named inner functions in __name(); the page has no such helper.
    await page.addInitScript('globalThis.__name = (f) => f;');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message ?? String(e)));
    const hw = await (async () => {
      await page.goto(`${served.origin}/`); // the bare page loads no bundle: only to read the core count
      return page.evaluate(() => navigator.hardwareConcurrency, undefined);
    })();
    const threads = Math.max(1, opts.threads ?? hw);
    await page.goto(`${served.origin}/?bundle=${BUNDLES[backend].file}&threads=${threads}`);
    await page.waitForFunction('window.__ready !== undefined', undefined, { timeout: 60_000 });
    const ready = await page.evaluate(() => (window as unknown as { __ready: string }).__ready, undefined);
    if (ready !== 'ok') throw new Error(`onnxruntime-web did not start in Chromium: ${ready}${errors.length ? ` (${errors.join('; ')})` : ''}`);
    const pageInfo = await page.evaluate(async (wantGpu: boolean): Promise<PageInfo> => {
      const info: PageInfo = { userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency, crossOriginIsolated: globalThis.crossOriginIsolated };
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<null | { info?: Record<string, unknown>; isFallbackAdapter?: boolean }> } }).gpu;
      if (wantGpu && gpu) {
        const a = await gpu.requestAdapter();
        if (a) {
          const i = a.info ?? {};
          info.gpu = { vendor: String(i.vendor ?? ''), architecture: String(i.architecture ?? ''), description: String(i.description ?? ''), isFallback: Boolean(i.isFallbackAdapter ?? a.isFallbackAdapter) };
        }
      }
      return info;
    }, backend === 'webgpu');
    if (threads > 1 && !pageInfo.crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated, so wasm threads are unavailable');

    const info: RunnerInfo = {
      runtime: 'browser', backend, library: 'onnxruntime-web', variant: `${BUNDLES[backend].variant} in Chromium ${browser.version()}`, threads,
      device: { userAgent: pageInfo.userAgent, platform: `${process.platform} ${process.arch}`, cores: pageInfo.cores, ...(pageInfo.gpu ? { gpu: pageInfo.gpu } : {}) },
    };
    const measureSource = measureRun.toString();
    const runner: BenchRunner = {
      info,
      async benchModel(bytes, feedsAt, batches, bench, onProgress) {
        const modelToken = randomUUID();
        served.blobs.set(modelToken, bytes);
        try {
          await page.evaluate(async ({ url, ep }: { url: string; ep: string }) => {
            const w = window as unknown as { __ort: { InferenceSession: { create(b: Uint8Array, o: object): Promise<unknown> } }; __session?: unknown };
            const buf = new Uint8Array(await (await fetch(url)).arrayBuffer());
            w.__session = await w.__ort.InferenceSession.create(buf, { executionProviders: [ep], graphOptimizationLevel: 'all' });
          }, { url: `/blob/${modelToken}`, ep: backend });
        } finally {
          served.blobs.delete(modelToken);
        }
        const out: SweepPoint[] = [];
        try {
          for (const [index, batch] of batches.entries()) {
            bench.signal?.throwIfAborted();
            onProgress?.({ batch, index, total: batches.length, phase: 'prepare' });
            const specs = feedsAt(batch);
            const feeds = specs.map((s, i) => {
              const token = randomUUID();
              const data = feedArray(s, i + 1);
              served.blobs.set(token, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
              return { name: s.name, dtype: s.dtype, shape: s.shape, url: `/blob/${token}`, token };
            });
            onProgress?.({ batch, index, total: batches.length, phase: 'measure' });
            const warmupMs = index > 0 && bench.batchWarmupMs !== undefined ? bench.batchWarmupMs : bench.warmupMs;
            const measureOpts = { warmupMs, budgetMs: bench.budgetMs, minSamples: bench.minSamples, maxSamples: bench.maxSamples, minSampleMs: bench.minSampleMs, maxLoop: bench.maxLoop };
            let result: { samples: number[]; loop: number };
            try {
              result = await page.evaluate(async ({ src, feedList, mo }) => {
                type Ctor = new (t: string, d: unknown, s: number[]) => unknown;
                const w = window as unknown as { __ort: { Tensor: Ctor }; __session: { run(f: object): Promise<Record<string, { dispose?(): void }>> } };
                const arrays: Record<string, (b: ArrayBuffer) => unknown> = {
                  float32: (b) => new Float32Array(b), float64: (b) => new Float64Array(b), int64: (b) => new BigInt64Array(b), int32: (b) => new Int32Array(b),
                  uint8: (b) => new Uint8Array(b), bool: (b) => new Uint8Array(b), int8: (b) => new Int8Array(b), float16: (b) => new Uint16Array(b),
                };
                const tensors: Record<string, unknown> = {};
                for (const f of feedList) {
                  const buf = await (await fetch(f.url)).arrayBuffer();
                  tensors[f.name] = new w.__ort.Tensor(f.dtype, arrays[f.dtype]!(buf), f.shape);
                }
                const run = (0, eval)(`(${src})`) as (r: () => Promise<void>, o: object) => Promise<{ samples: number[]; loop: number }>;
                const session = w.__session;
                return run(async () => {
                  const outputs = await session.run(tensors);
                  for (const t of Object.values(outputs)) t.dispose?.();
                }, { ...mo, now: () => performance.now() });
              }, { src: measureSource, feedList: feeds.map(({ name, dtype, shape, url }) => ({ name, dtype, shape, url })), mo: measureOpts });
            } finally {
              for (const f of feeds) served.blobs.delete(f.token);
            }
            out.push({ batch, samples: result.samples, summary: summarize(result.samples), loop: result.loop });
            onProgress?.({ batch, index, total: batches.length, phase: 'done' });
          }
        } finally {
          await page.evaluate(async () => {
            const w = window as unknown as { __session?: { release(): Promise<void> } };
            await w.__session?.release();
            w.__session = undefined;
          }, undefined);
        }
        return out;
      },
      async close() {
        await browser?.close().catch(() => undefined);
        await new Promise<void>((ok) => served.server.close(() => ok()));
      },
    };
    return runner;
  } catch (err) {
    await browser?.close().catch(() => undefined);
    served.server.close();
    throw err;
  }
}
