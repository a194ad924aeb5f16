import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readPackText } from '../../src/domain/pack/format.ts';
import { encodeShare } from '../../src/domain/pack/share.ts';
import type { Pack } from '../../src/domain/pack/schema.ts';

const EXAMPLE = 'packs/ml-interview-starter.mlsd-pack.json';
const example = (): Pack => {
  const r = readPackText(readFileSync(EXAMPLE, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

test('import a pack with a preview, export a pack, clear storage and import it back', async ({ page }) => {
  await page.goto('/interview');
  await expect(page.locator('.scenario-card')).toHaveCount(10);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import pack…' }).click();
  await (await chooser).setFiles(EXAMPLE);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Import “ML interview starter');
  await expect(dialog.locator('[data-pack-item]')).toHaveCount(7);
  await expect(dialog.getByText('already exists')).toHaveCount(4); // 3 bundled scenarios + the bundled one-page brief
  await dialog.getByLabel('On import: churn-prediction').selectOption('skip');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.scenario-card')).toHaveCount(12);
  await expect(page.locator('[data-scenario="fraud-detection-2"]')).toContainText('From pack “ml-interview-starter”');
  await expect(page.locator('[data-scenario="churn-prediction-2"]')).toHaveCount(0);

  // Export two scenarios as a pack file.
  await page.getByRole('button', { name: 'Export pack…' }).click();
  const exp = page.getByRole('dialog');
  await exp.getByLabel('Pack title').fill('Study group week 3');
  await exp.getByLabel('Payment fraud detection in the authorisation path').first().check();
  await exp.getByLabel('Real-time anomaly detection on a stream').check();
  const download = page.waitForEvent('download');
  await exp.getByRole('button', { name: 'Export 2 scenarios' }).click();
  const file = await (await download).path();
  const exported = readPackText(readFileSync(file!, 'utf8'));
  expect(exported.ok).toBe(true);
  if (!exported.ok) return;
  expect(exported.value.scenarios.map((s) => s.id).sort()).toEqual(['anomaly-detection', 'fraud-detection']);
  expect(exported.value.designs).toHaveLength(2);

  // A fresh browser profile: clear the site's storage, import the exported pack, compare.
  await page.evaluate(() => new Promise((done) => {
    const req = indexedDB.deleteDatabase('mlsd-studio');
    req.onsuccess = req.onerror = req.onblocked = () => done(null);
  }));
  await page.reload();
  await expect(page.locator('.scenario-card')).toHaveCount(10);
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import pack…' }).click();
  await (await chooser2).setFiles(file!);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.scenario-card')).toHaveCount(12);
  const stored = await page.evaluate(() => new Promise<unknown[]>((done) => {
    const open = indexedDB.open('mlsd-studio');
    open.onsuccess = () => {
      const req = open.result.transaction('scenarios').objectStore('scenarios').getAll();
      req.onsuccess = () => done(req.result.map((r: { scenario: unknown }) => r.scenario));
    };
  }));
  const byId = new Map((stored as { id: string }[]).map((s) => [s.id, s]));
  expect(byId.get('anomaly-detection-2')).toEqual({ ...exported.value.scenarios.find((s) => s.id === 'anomaly-detection'), id: 'anomaly-detection-2', title: expect.any(String), referenceDesign: expect.objectContaining({ scenarioId: 'anomaly-detection-2' }) });
});

test('a share link opens the import preview; a broken one says so', async ({ page }) => {
  const p = example();
  const small: Pack = { ...p, id: 'brief-only', title: 'Just a template', scenarios: [], designs: [], templates: p.templates!.map((t) => ({ id: 'team-brief', text: t.text.replace(/^id: .*$/m, 'id: team-brief').replace(/^title: .*$/m, 'title: Team brief') })) };
  const enc = await encodeShare(small);
  expect(enc.ok).toBe(true);
  if (!enc.ok) return;
  await page.goto(`/interview#pack=${enc.fragment}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Import “Just a template”');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText(/Imported "Just a template": 0 scenario\(s\), 0 design\(s\), 1 template/)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.goto('/docs');
  await page.getByRole('button', { name: 'Start a doc' }).click();
  await expect(page.getByRole('dialog')).toContainText('Team brief');

  await page.goto('/interview#pack=AAAA-not-a-pack');
  await expect(page.getByText(/This share link does not hold a usable pack/)).toBeVisible();
});

test('a hostile pack imports as plain text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const p = example();
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const s = { ...p.scenarios[0]!, id: 'evil-scenario', title: `Evil ${evil}`.slice(0, 120), summary: `Summary ${evil}`, prompt: `Prompt ${evil} [x](javascript:window.__pwned=3)`, referenceDesign: { ...p.scenarios[0]!.referenceDesign, scenarioId: 'evil-scenario', name: `Design ${evil}` } };
  const pack = { ...p, id: 'evil', title: `Evil pack ${evil}`.slice(0, 120), scenarios: [s], designs: [], templates: [] };
  const path = test.info().outputPath('evil.mlsd-pack.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, JSON.stringify(pack));
  await page.goto('/interview');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import pack…' }).click();
  await (await chooser).setFiles(path);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  const card = page.locator('[data-scenario="evil-scenario"]');
  await expect(card).toContainText('<script>');
  await card.getByRole('button', { name: /Start a mock/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.prompt')).toContainText('javascript:window.__pwned=3');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
