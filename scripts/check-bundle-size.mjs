// Build gate: the first screen must not wait for heavy libraries (mermaid, onnxruntime-web, tfjs, the canvas).
// Sums the gzipped size of what index.html loads up front and fails the build over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 350;
const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]);
const heavy = /mermaid|onnxruntime|ort[.-]|tfjs|tensorflow/i;
let total = 0;
for (const ref of refs) {
  const text = readFileSync(join(dist, ref.replace(/^\//, '')));
  if (heavy.test(text.subarray(0, 200_000).toString('latin1')) && heavy.test(ref)) {
    console.error(`first-load chunk ${ref} contains a heavy library that must load lazily`);
    process.exit(1);
  }
  total += gzipSync(text, { level: 9 }).length;
}
const kb = total / 1024;
const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
console.log(`first-load JS: ${kb.toFixed(1)} KB gzipped in ${refs.length} file(s) (budget ${BUDGET_KB} KB; ${chunks} chunks in all)`);
if (kb > BUDGET_KB) {
  console.error(`over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
