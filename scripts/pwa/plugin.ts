/**
 * Build-only Vite plugin: compiles src/sw/sw.ts into `/sw.js` with this build's precache manifest injected (every
 * emitted file and public file but the large runtime ones, each with a content hash). The manifest's hash names the
 * shell cache, so each deploy installs a fresh one and the old is dropped on activation.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { manifestFingerprint, precacheEntries, type PrecacheManifest } from '../../src/sw/routing.ts';

export interface ServiceWorkerOptions {
  /** The worker's TypeScript entry, relative to the project root. */
  entry?: string;
  fileName?: string;
}

const hash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex').slice(0, 16);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) out.push(...listFiles(full));
    else if (d.isFile()) out.push(full);
  }
  return out;
}

export function serviceWorker(options: ServiceWorkerOptions = {}): Plugin {
  const entry = options.entry ?? 'src/sw/sw.ts';
  const fileName = options.fileName ?? 'sw.js';
  let config: ResolvedConfig;
  return {
    name: 'mlsd:service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
      // The worker serves absolute paths (`/`, `/assets/…`) and registers at scope `/`.
      if (config.base !== '/') throw new Error(`the service worker expects base "/", not "${config.base}"`);
    },
    generateBundle: {
      // After vite:build-html has added index.html to the bundle.
      order: 'post',
      async handler(_options, bundle) {
        const files = Object.values(bundle).map((f) => ({ path: f.fileName, revision: hash(f.type === 'asset' ? f.source : f.code) }));
        // Public files are copied next to the bundle without passing through it.
        if (config.publicDir) {
          const pub = config.publicDir;
          for (const file of listFiles(pub)) files.push({ path: relative(pub, file), revision: hash(readFileSync(file)) });
        }
        const entries = precacheEntries(files, fileName);
        const manifest: PrecacheManifest = { id: hash(manifestFingerprint(entries)), entries };
        this.emitFile({ type: 'asset', fileName, source: await compile(resolve(config.root, entry), manifest, config) });
      },
    },
  };
}

/** A separate, self-contained build of the worker: one classic script, no chunks shared with the app. */
async function compile(entry: string, manifest: PrecacheManifest, config: ResolvedConfig): Promise<string> {
  const result = await build({
    configFile: false,
    root: config.root,
    mode: config.mode,
    logLevel: 'warn',
    publicDir: false,
    define: { __MLSD_PRECACHE__: JSON.stringify(manifest) },
    build: {
      write: false,
      target: 'es2022',
      minify: config.build.minify !== false,
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      emptyOutDir: false,
      rolldownOptions: { input: entry, output: { format: 'iife', entryFileNames: 'sw.js' } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk) throw new Error('service worker build produced no entry chunk');
  return chunk.code;
}
