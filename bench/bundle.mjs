// First-load JavaScript size: what index.html makes the browser fetch before the app can run.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

/** URLs of module entry scripts and modulepreloads, in document order. */
export function firstLoadUrls(html) {
  const urls = [];
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const a = attrs(m[2]);
    if (m[1].toLowerCase() === 'script' && a.type === 'module' && a.src) urls.push(a.src);
    if (m[1].toLowerCase() === 'link' && a.rel?.split(/\s+/).includes('modulepreload') && a.href) urls.push(a.href);
  }
  return [...new Set(urls)];
}

export async function measureBundle({ distDir }) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const firstLoad = firstLoadUrls(html).map((url) => {
    if (/^[a-z]+:\/\//i.test(url)) throw new Error(`external first-load script not measurable: ${url}`);
    const file = join(distDir, url.replace(/^\.?\//, '').split(/[?#]/)[0]);
    if (!existsSync(file)) throw new Error(`index.html references ${url}, missing in dist`);
    const buf = readFileSync(file);
    return { file: url, rawBytes: buf.length, gzipBytes: gz(buf) };
  });
  if (firstLoad.length === 0) throw new Error('no <script type="module"> found in dist/index.html');
  const assets = join(distDir, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const buf = readFileSync(join(assets, f));
      return { file: `assets/${f}`, rawBytes: buf.length, gzipBytes: gz(buf) };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = firstLoad.reduce((s, f) => s + f.gzipBytes, 0);
  const firstLoadGzipKb = Math.round((gzipBytes / 1024) * 10) / 10;
  return { gzipBytes, firstLoadGzipKb, budgetKb: BUDGET_KB, withinBudget: firstLoadGzipKb <= BUDGET_KB, firstLoad, chunks };
}
