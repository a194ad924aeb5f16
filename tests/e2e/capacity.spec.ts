import { expect, test } from '@playwright/test';
import { addChain, createBlankDesign, node, waitSaved } from './helpers.ts';

test('raise the load until a tier saturates, see the bottleneck, add a replica and recover', async ({ page }) => {
  await createBlankDesign(page);
  await addChain(page, ['client', 'api-gateway', 'database']);
  const latency = page.getByTestId('metric-latency');
  await expect(latency).toContainText('within');

  // Postgres defaults: 1 ms per query, 16 in parallel → about 16k queries/s per replica.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.getByTestId('field-workload-peakFactor').fill('1');
  await page.getByTestId('field-workload-peakFactor').press('Enter');
  await page.getByTestId('field-workload-rps').fill('12000');
  await page.getByTestId('field-workload-rps').press('Enter');
  await expect(node(page, 'database-1').getByTestId('node-badge')).toHaveAttribute('data-band', 'warn'); // 12k of ~16k/s = 75%
  await expect(page.locator('[data-bottleneck]')).toHaveCount(0);

  // What-if ×1.5: 18k/s is past the database's capacity.
  const slider = page.getByTestId('load-slider');
  await slider.focus();
  await page.keyboard.press('ArrowRight'); // ×1.25
  await page.keyboard.press('ArrowRight'); // ×1.5
  await expect(page.getByText('What-if load: ×1.5')).toBeVisible();
  await expect(latency).toContainText('unbounded');
  await expect(node(page, 'database-1').getByTestId('canvas-node')).toHaveAttribute('data-bottleneck', 'true');
  await expect(node(page, 'database-1').getByTestId('node-badge')).toContainText('saturated');
  await expect(page.getByTestId('bottleneck')).toContainText('limited by Postgres');

  // One more replica: recovered, with a finite p99.
  await node(page, 'database-1').click();
  await expect(page.getByTestId('node-estimate')).toContainText('unbounded (saturated)');
  await page.getByTestId('apply-replicas').click();
  await expect(node(page, 'database-1').getByTestId('canvas-node')).not.toHaveAttribute('data-bottleneck', 'true');
  await expect(latency).not.toContainText('unbounded');
  await expect(node(page, 'database-1').getByTestId('node-badge')).not.toContainText('saturated');
  await waitSaved(page);
});

test('every number explains itself, a model choice changes the estimate, and the simulation cross-checks it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await expect(page.getByTestId('results-bar')).toBeVisible();
  await page.getByRole('button', { name: 'End-to-end p99: explain' }).click();
  const pop = page.getByTestId('why-popover');
  await expect(pop).toBeVisible();
  await expect(pop).toContainText('p99');
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);

  await node(page, 'model-server-1').click();
  const p99 = page.getByTestId('node-estimate').locator('tr', { hasText: 'p99' }).locator('td');
  const before = await p99.innerText();
  await page.getByTestId('field-model').selectOption('bert-large');
  await expect(p99).not.toHaveText(before);
  await expect(page.getByTestId('node-estimate')).toContainText('Batching');

  await page.getByRole('button', { name: 'Load chart' }).click();
  await expect(page.getByTestId('load-chart').locator('path.lc-p99-line')).toHaveCount(1);

  await page.getByTestId('field-model').selectOption('resnet50');
  await page.getByRole('button', { name: 'Simulate' }).click();
  const panel = page.getByTestId('simulation-panel');
  await expect(panel.getByTestId('simulation-table')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('simulation-table')).toContainText('End to end');
  await expect(panel.getByTestId('simulation-table')).toContainText('ResNet-50 on T4');
});
