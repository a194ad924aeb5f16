import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readBackupText } from '../../src/domain/backup/format.ts';

test('back up everything, clear the site, restore: the designs come back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('design-row')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up everything' }).click();
  const file = (await (await download).path())!;
  const backup = readBackupText(readFileSync(file, 'utf8'));
  expect(backup.ok).toBe(true);
  if (backup.ok) expect(backup.value.tables.designs).toHaveLength(1);

  await page.evaluate(() => new Promise((done) => {
    const req = indexedDB.deleteDatabase('mlsd-studio');
    req.onsuccess = req.onerror = req.onblocked = () => done(null);
  }));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No designs yet' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore…' }).click();
  await (await chooser).setFiles(file);
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('[data-table="designs"]')).toContainText('1');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByTestId('design-row')).toHaveCount(1);
  await page.getByTestId('design-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);

  // A file that is not a backup is refused with the reason, and nothing changes.
  await page.goto('/');
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore…' }).click();
  await (await chooser2).setFiles({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"mlsd-design","version":1}') });
  await expect(page.getByText(/was not restored\..*Not a backup file/)).toBeVisible();
  await expect(page.getByTestId('design-row')).toHaveCount(1);
});
