import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readDb, waitSaved } from './helpers.ts';

const fixture = readFileSync(new URL('../fixtures/design.v1.json', import.meta.url), 'utf8');

async function importText(page: Page, name: string, text: string | Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import file/ }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

test('empty library explains how to start; the example opens on the canvas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No designs yet' })).toBeVisible();
  await expect(page.getByTestId('storage-status')).toContainText(/Local storage: [\d.]+ (B|KB|MB) of [\d.]+ (MB|GB|TB) used/);
  await page.getByRole('button', { name: 'Open an example' }).click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('design-row')).toHaveCount(1);
});

test('import a good file; refuse broken ones with a message and leave the library unchanged', async ({ page }) => {
  await page.goto('/');
  await importText(page, 'classifier.mlsd.json', fixture);
  await expect(page.getByTestId('canvas-node')).toHaveCount(6);
  await waitSaved(page);
  await page.goto('/');
  await expect(page.getByTestId('design-row')).toHaveCount(1);
  const before = await readDb(page);

  const broken = JSON.parse(fixture);
  broken.edges.push({ from: 'cache-1', to: 'ghost' });
  await importText(page, 'broken.mlsd.json', JSON.stringify(broken));
  await expect(page.getByRole('alert')).toContainText('"broken.mlsd.json" was not imported');
  await expect(page.getByRole('alert')).toContainText('edges[5].to: edge ends at missing node "ghost"');

  await importText(page, 'future.mlsd.json', JSON.stringify({ ...JSON.parse(fixture), version: 99 }));
  await expect(page.getByRole('alert').last()).toContainText('newer version of MLSD Studio');

  await importText(page, 'truncated.mlsd.json', fixture.slice(0, 200));
  await expect(page.getByRole('alert').last()).toContainText('not valid JSON');

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('design-row')).toHaveCount(1);
  expect(await readDb(page)).toEqual(before);
});

test('rename, duplicate, search, sort, and delete with undo', async ({ page }) => {
  await page.goto('/');
  await importText(page, 'a.mlsd.json', fixture);
  await expect(page.getByTestId('canvas-node')).toHaveCount(6);
  await page.goto('/');
  const row = page.getByTestId('design-row');
  await page.getByRole('button', { name: /^Rename / }).click();
  await page.getByLabel('Design name').fill('Zebra classifier');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(row).toContainText('Zebra classifier');
  await page.getByRole('button', { name: 'Duplicate Zebra classifier' }).click();
  await expect(row).toHaveCount(2);
  await expect(row.first()).toContainText('Zebra classifier (copy)');
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page).toHaveURL(/\/design\//);
  await page.goto('/');
  await expect(row).toHaveCount(3);
  await page.getByLabel('Sort designs').selectOption('name');
  await expect(row.first()).toContainText('Untitled design');
  await page.getByLabel('Search designs').fill('zebra');
  await expect(row).toHaveCount(2);
  await page.getByLabel('Search designs').fill('nothing like this');
  await expect(page.getByText('No design matches')).toBeVisible();
  await page.getByLabel('Search designs').fill('');
  await page.getByRole('button', { name: 'Delete Zebra classifier (copy)' }).click();
  await expect(row).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row).toHaveCount(3);
  // The renamed design opens with its new name, and the rename reached the stored file.
  const names = (await readDb(page)).map((r) => r.name).sort();
  expect(names).toEqual(['Untitled design', 'Zebra classifier', 'Zebra classifier (copy)']);
});

test('deep links work after reload, unknown ones say so, and the theme sticks', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
  await page.goto('/design/does-not-exist');
  await expect(page.getByRole('heading', { name: 'Design not found' })).toBeVisible();
  await page.goto('/benchmarks');
  await expect(page.getByRole('heading', { name: 'Benchmarks' })).toBeVisible();
  const html = page.locator('html');
  const initial = await html.getAttribute('data-theme');
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId('theme-toggle').click();
  const chosen = await html.getAttribute('data-theme');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', chosen!);
  expect(['light', 'dark']).toContain(initial);
});

test('two tabs on one design stay in sync', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('canvas-node')).toHaveCount(7);
  await page.locator('.palette-item[data-kind="vector-index"]').click();
  await waitSaved(page);
  await expect(other.getByTestId('canvas-node')).toHaveCount(8);
  await expect(other.getByText('Updated with changes made in another tab.')).toBeVisible();
  // Now edit in the other tab: the first one follows.
  await other.locator('.palette-item[data-kind="metrics"]').click();
  await waitSaved(other);
  await expect(page.getByTestId('canvas-node')).toHaveCount(9);
});
