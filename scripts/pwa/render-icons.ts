/**
 * Renders the PNG app icons (install prompts and home screens want raster sizes) from public/icon.svg with the
 * system Chromium, so no image library is needed. Run after changing the SVG: `npx tsx scripts/pwa/render-icons.ts`.
 * The outputs are committed under public/icons/.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('public/icon.svg', 'utf8');
// Maskable icons are cropped to a circle of 80% of their size by some launchers: a full-bleed background and the
// glyph shrunk into the safe zone (the SVG's own rounded square would show as a square inside the mask).
const glyph = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#4f46e5"/><g transform="translate(32 32) scale(0.72) translate(-32 -32)">${glyph}</g></svg>`;

const outputs = [
  { file: 'public/icons/icon-192.png', size: 192, svg },
  { file: 'public/icons/icon-512.png', size: 512, svg },
  { file: 'public/icons/maskable-512.png', size: 512, svg: maskable },
  { file: 'public/icons/apple-touch-icon.png', size: 180, svg: maskable },
];

mkdirSync('public/icons', { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const o of outputs) {
    await page.setViewportSize({ width: o.size, height: o.size });
    const src = `data:image/svg+xml;base64,${Buffer.from(o.svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${o.size}" height="${o.size}" style="display:block">`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(o.file, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: o.size, height: o.size } }));
    console.log(`${o.file} ${o.size}×${o.size}`);
  }
} finally {
  await browser.close();
}
