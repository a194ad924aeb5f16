import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { designToSvg } from '../../src/domain/diagram/svg.ts';

const fraud = JSON.parse(readFileSync('scenarios/fraud-detection.scenario.json', 'utf8'));

async function text(d: Download): Promise<Buffer> {
  const chunks = await (await d.createReadStream()).toArray();
  return Buffer.concat(chunks);
}

async function setSource(page: Page, md: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(md);
}

test('capstone doc from a reference design: live diagram and capacity table follow the design; export Markdown, SVG and PNG', async ({ page }) => {
  await page.goto('/interview');
  await page.locator('[data-scenario="fraud-detection"]').getByRole('button', { name: /Open the reference design/ }).click();
  await expect(page).toHaveURL(/\/design\//);
  const designUrl = page.url();

  // Pictures of the diagram: the canvas as drawn, as SVG and at 2× as PNG.
  const expected = designToSvg(fraud.referenceDesign);
  await page.locator('summary', { hasText: 'Export' }).click();
  let dl = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Picture (SVG)' }).click();
  const svg = (await text(await dl)).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(`width="${expected.width}" height="${expected.height}"`);
  expect(svg.match(/<g transform/g)).toHaveLength(fraud.referenceDesign.nodes.length);
  await page.locator('summary', { hasText: 'Export' }).click();
  dl = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Picture (PNG, 2×)' }).click();
  const png = await text(await dl);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(expected.width * 2);
  expect(png.readUInt32BE(20)).toBe(expected.height * 2);
  expect(png.length).toBeGreaterThan(5000);

  // A capstone doc for this design.
  await page.getByRole('button', { name: 'Write doc' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Design shown in the doc')).toHaveValue(/.+/);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/doc\//);
  const docUrl = page.url();

  // Insert the live diagram and capacity table at the end of the source.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.locator('summary', { hasText: 'Insert' }).click();
  await page.getByRole('menuitem', { name: 'Diagram (Mermaid)' }).click();
  await page.locator('summary', { hasText: 'Insert' }).click();
  await page.getByRole('menuitem', { name: 'Capacity table' }).click();
  await expect(page.locator('.cm-content')).toContainText('```mlsd-capacity');
  const preview = page.getByTestId('doc-preview');
  await expect(preview.getByTestId('mermaid-diagram').first().locator('img')).toBeVisible();
  const scorerRow = preview.locator('tr', { hasText: 'GBDT scorer' }).last();
  await expect(scorerRow.locator('td').last()).toHaveText('4');
  await expect(page.getByTestId('doc-save-status')).toHaveText('Saved');

  // Change a replica count on the canvas; the doc's table follows.
  await page.goto(designUrl);
  await page.locator('.react-flow__node[data-id="scorer"], .far-node[data-id="scorer"]').first().click();
  await page.getByTestId('field-replicas').fill('9');
  await page.getByTestId('field-replicas').press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/);
  await page.goto(docUrl);
  await expect(preview.locator('tr', { hasText: 'GBDT scorer' }).last().locator('td').last()).toHaveText('9');

  // Export: Mermaid block and the new numbers, frozen; no live fences, no guidance comments.
  await page.locator('summary', { hasText: 'Export' }).click();
  dl = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Markdown (numbers frozen)' }).click();
  const md = (await text(await dl)).toString('utf8');
  expect(md).toMatch(/```mermaid\n(---\n[^]*?\n---\n)?flowchart LR\n/);
  expect(md).toMatch(/\| GBDT scorer[^\n]*\| 9 \|/);
  expect(md).not.toContain('```mlsd-');
  expect(md).not.toContain('<!-- guide:');
});

test('a Mermaid flowchart from a README imports onto the canvas', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import Mermaid…' }).click();
  await page.getByLabel('Mermaid text').fill(`graph TD
  %% a hand-written pipeline
  U((Users)) -->|HTTPS| GW[API Gateway]
  GW --> C[(Redis cache)]
  C -.->|miss| M{{Triton model server}}
  GW ==> K>Kafka events]
  K --> F[Flink features] & L[(S3 data lake)]
  classDef hot fill:#f96
  class M hot`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/\/design\//);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  await page.goto('/');
  await page.getByRole('button', { name: 'Import Mermaid…' }).click();
  await page.getByLabel('Mermaid text').fill('sequenceDiagram\n  A->>B: hi');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Line 1');
});

test('hostile Markdown and Mermaid render with nothing executed', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/docs');
  await page.getByRole('button', { name: 'Start a doc' }).click();
  await page.getByRole('dialog').getByLabel('Design shown in the doc').selectOption('');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/doc\//);
  const hostile = [
    '# Hostile',
    '<script>window.__pwned = "script"</script>',
    '<img src="x" onerror="window.__pwned = \'img\'">',
    '<svg onload="window.__pwned = \'svg\'"><circle r="5"/></svg>',
    '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
    '<a href="javascript:window.__pwned=\'link\'">click me</a> and [md link](javascript:window.__pwned=\'md\')',
    '<details open ontoggle="window.__pwned = \'toggle\'"><summary>x</summary></details>',
    '<style>body { display: none }</style>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '',
    '```mermaid',
    'flowchart LR',
    '  A["<img src=x onerror=window.__pwned=\'label\'>"] --> B',
    '  click A call alert("callback")',
    '  click B "javascript:window.__pwned=\'click\'"',
    '```',
    '',
    'x'.repeat(200_000),
  ].join('\n\n').replace(/\n\n(?=(flowchart| {2}|```\n))/g, '\n');
  await setSource(page, hostile);
  const preview = page.getByTestId('doc-preview');
  await expect(preview.locator('h1')).toHaveText('Hostile');
  await expect(preview.getByTestId('mermaid-diagram').locator('img')).toBeVisible();
  await preview.getByText('click me').click();
  await preview.getByText('md link').click();
  await preview.getByTestId('mermaid-diagram').locator('img').click();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  for (const sel of ['svg', 'script', 'iframe', 'style', 'form', '[onerror]', '[onload]', '[ontoggle]', 'a[href^="javascript"]']) {
    await expect(preview.locator(sel)).toHaveCount(0);
  }
  await expect(page.locator('body')).toBeVisible();
});
