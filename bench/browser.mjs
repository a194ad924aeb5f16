// Launches the system Chromium (never a downloaded one) with flags that keep timings quiet.
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export const VIEWPORT = { width: 1400, height: 900 };

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A fresh, isolated profile (own IndexedDB) with the bench's viewport and timeouts. */
export async function newContext(browser) {
  // No service worker: its first-visit precache (several MB) would run in the background of the timings.
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}
