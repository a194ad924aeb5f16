// Dev helper: open the built app in headless Chromium, run a few steps, save screenshots to .bench/shots.
// Usage: node scripts/shot.mjs [baseURL]   (expects `vite preview` running)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const out = '.bench/shots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(base);
await page.screenshot({ path: `${out}/1-library-empty.png` });
await page.getByRole('button', { name: 'Open an example' }).click();
await page.waitForSelector('[data-testid=canvas-node]');
await page.waitForTimeout(500);
await page.screenshot({ path: `${out}/2-workspace.png` });
await page.locator('[data-node-id="model-server-1"]').click();
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/3-node-selected.png` });
await page.getByTestId('theme-toggle').click();
await page.getByTestId('theme-toggle').click();
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/4-dark.png` });
await page.goto(base);
await page.waitForSelector('[data-testid=design-row]');
await page.screenshot({ path: `${out}/5-library.png` });
await browser.close();
console.log('screenshots in', out);
