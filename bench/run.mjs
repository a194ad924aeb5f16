// Performance bench: prints ONE JSON object on stdout (logs on stderr). Run after `vite build`.
// Each figure is an async function in its own module; add new ones to FIGURES.
import { cpus } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';
import { startPreview } from './server.mjs';
import { measureBundle } from './bundle.mjs';
import { measureLoadDesign } from './loadDesign.mjs';
import { measureDragFrame } from './dragFrame.mjs';
import { measureEstimate, measureSimulator } from './estimate.mjs';
import { measureCalibration } from './calibration.mjs';

const FIGURES = [
  ['bundle', measureBundle],
  ['loadDesign300', measureLoadDesign],
  ['dragFrame300', measureDragFrame],
  ['estimate200', measureEstimate],
  ['simulator', measureSimulator],
  ['calibrationAccuracy', measureCalibration],
];
const TOTAL_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 12 * 60_000);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(root, 'dist');
const log = (msg) => process.stderr.write(`${msg}\n`);

/** Starts a resource on first use only, so figures that need no browser never pay for one. */
function lazy(start) {
  let p;
  const get = () => (p ??= start());
  get.started = () => p !== undefined;
  return get;
}

const server = lazy(() => startPreview({ root, log }));
const browser = lazy(() => launchBrowser());

async function cleanup() {
  if (browser.started()) await (await browser().catch(() => null))?.close().catch(() => {});
  if (server.started()) await (await server().catch(() => null))?.stop().catch(() => {});
}

const result = { machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, chromium: null }, date: new Date().toISOString() };
let printed = false;
// Exactly one JSON object, whichever path (normal end, timeout, error) gets here first.
const print = () => {
  if (!printed) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  printed = true;
};

// A hung step must not hang CI: stop everything, still print what was measured, and fail.
const watchdog = setTimeout(async () => {
  log(`bench: timed out after ${TOTAL_TIMEOUT_MS} ms`);
  result.error = `timed out after ${TOTAL_TIMEOUT_MS} ms`;
  print(); // before cleanup, which makes the running figure fail and race to print
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 5000))]);
  process.exit(2);
}, TOTAL_TIMEOUT_MS);
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

async function main() {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error('dist/index.html missing: run `vite build` first');
  const ctx = { root, distDir, log, getBrowser: browser, getBaseUrl: async () => (await server()).url };
  const failures = [];
  try {
    // BENCH_ONLY=dragFrame300,estimate200 runs a subset (handy while working on one figure).
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    for (const [key, fn] of FIGURES.filter(([k]) => !only || only.includes(k))) {
      const t0 = Date.now();
      log(`bench: ${key}…`);
      try {
        result[key] = await fn(ctx);
      } catch (err) {
        // Keep going: one broken figure should not hide the others, but the run still fails.
        failures.push(key);
        result[key] = { error: err instanceof Error ? err.message : String(err) };
        log(`bench: ${key} FAILED: ${err instanceof Error ? err.stack : err}`);
      }
      log(`bench: ${key} done in ${Date.now() - t0} ms`);
    }
    if (browser.started()) result.machine.chromium = (await browser().catch(() => null))?.version() ?? null;
  } finally {
    await cleanup();
  }
  print();
  return failures.length === 0 ? 0 : 1;
}

main()
  .then((code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  })
  .catch(async (err) => {
    log(`bench: ${err instanceof Error ? err.stack : err}`);
    await cleanup();
    clearTimeout(watchdog);
    result.error = err instanceof Error ? err.message : String(err);
    print();
    process.exitCode = 1;
  });
