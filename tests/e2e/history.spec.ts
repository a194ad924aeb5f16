import { expect, test, type Locator, type Page } from '@playwright/test';
import { addChain, createBlankDesign, waitSaved } from './helpers.ts';

interface StoredVersion {
  id: string;
  targetKind: string;
  targetId: string;
  auto: boolean;
  name?: string;
  createdAt: number;
  content: { nodes?: unknown[]; edges?: unknown[]; markdown?: string };
}

/** Every stored version, straight from the real IndexedDB the app wrote. */
function readVersions(page: Page): Promise<StoredVersion[]> {
  return page.evaluate(
    () =>
      new Promise<StoredVersion[]>((resolve, reject) => {
        const open = indexedDB.open('mlsd-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('versions').objectStore('versions').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as StoredVersion[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** The list entry whose title is exactly `name`. */
const item = (dialog: Locator, name: string) => dialog.getByTestId('version-item').filter({ has: dialog.page().locator('.history-item-name').getByText(name, { exact: true }) });

async function setSource(page: Page, md: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(md);
}

test('design: save a named version, change, preview, restore as one undoable edit', async ({ page }) => {
  await createBlankDesign(page);
  const designId = decodeURIComponent(page.url().split('/design/')[1]!);
  await addChain(page, ['client', 'api-gateway', 'cache']);
  await waitSaved(page);

  // Ctrl+Alt+S opens History with the name field focused.
  await page.keyboard.press('Control+Alt+s');
  const dialog = page.getByRole('dialog', { name: 'Version history' });
  await expect(dialog.getByLabel('Version name')).toBeFocused();
  await page.keyboard.insertText('Baseline');
  await page.keyboard.press('Enter');
  await expect(item(dialog, 'Baseline')).toHaveCount(1);
  await expect(item(dialog, 'Baseline')).toContainText('Same as now');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Change the design: one more component.
  await page.locator('.palette-item[data-kind="database"]').click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(4);
  await waitSaved(page);

  await page.getByRole('button', { name: 'History' }).click();
  await expect(dialog).toBeVisible();
  const baseline = item(dialog, 'Baseline');
  await expect(baseline).toContainText('Since then: components: 1 added');
  await expect(baseline.locator('time')).toHaveAttribute('title', /\d/);
  await baseline.click();
  await expect(baseline).toHaveAttribute('aria-pressed', 'true');
  const detail = dialog.getByTestId('version-detail');
  await expect(detail.getByRole('heading', { name: 'Baseline' })).toBeVisible();
  await expect(detail.getByTestId('version-preview-design')).toHaveAttribute('alt', 'Version with 3 components and 2 connections');

  await detail.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('canvas-node')).toHaveCount(3);
  await expect(page.locator('.react-flow__node[data-id="database-1"]')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Restored “Baseline”');
  await waitSaved(page);

  // The restore is one edit: Ctrl+Z brings the changed design back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('canvas-node')).toHaveCount(4);
  await expect(page.locator('.react-flow__node[data-id="database-1"]')).toHaveCount(1);
  await waitSaved(page);

  // In IndexedDB: the named version as it was, and the present kept before the restore.
  await expect.poll(async () => (await readVersions(page)).some((v) => v.name?.startsWith('Before restoring'))).toBe(true);
  const versions = (await readVersions(page)).filter((v) => v.targetKind === 'design' && v.targetId === designId);
  const named = versions.find((v) => v.name === 'Baseline')!;
  expect(named).toMatchObject({ auto: false });
  expect([named.content.nodes?.length, named.content.edges?.length]).toEqual([3, 2]);
  const before = versions.find((v) => v.name === 'Before restoring “Baseline”')!;
  expect(before).toMatchObject({ auto: true });
  expect(before.content.nodes).toHaveLength(4);
  expect(before.createdAt).toBeGreaterThan(named.createdAt);

  // Rename and delete from the list.
  await page.getByRole('button', { name: 'History' }).click();
  await item(dialog, 'Baseline').click();
  await detail.getByRole('button', { name: 'Rename…' }).click();
  await detail.getByLabel('New version name').fill('Three boxes');
  await detail.getByRole('button', { name: 'Save name' }).click();
  await expect(item(dialog, 'Three boxes')).toHaveCount(1);
  const count = await dialog.getByTestId('version-item').count();
  await item(dialog, 'Three boxes').click();
  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByTestId('version-item')).toHaveCount(count - 1);
  await expect.poll(async () => (await readVersions(page)).some((v) => v.name === 'Three boxes')).toBe(false);
});

test('doc: save a named version, rewrite, preview, restore, and Undo from the toast', async ({ page }) => {
  await page.goto('/docs');
  await page.getByRole('button', { name: 'Start a doc' }).click();
  await page.getByRole('dialog').getByLabel('Design shown in the doc').selectOption('');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/doc\//);
  const docId = decodeURIComponent(page.url().split('/doc/')[1]!);

  await setSource(page, '# Draft one\n\nThe first take.\n');
  await expect(page.getByTestId('doc-save-status')).toHaveText('Saved');
  // The shortcut works while typing in the editor, and types nothing into it.
  await page.keyboard.press('Control+Alt+s');
  const dialog = page.getByRole('dialog', { name: 'Version history' });
  await expect(dialog.getByLabel('Version name')).toBeFocused();
  await page.keyboard.insertText('First draft');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(item(dialog, 'First draft')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close version history' }).click();
  await expect(page.locator('.cm-content')).toHaveText(/^# Draft one\s*The first take\.\s*$/);

  await setSource(page, '# Draft two\n\nRewritten from scratch.\n\nWith more.\n');
  await expect(page.getByTestId('doc-save-status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'History' }).click();
  const first = item(dialog, 'First draft');
  await expect(first).toContainText(/Since then: \d+ lines? added, \d+ removed/);
  await first.click();
  await expect(dialog.getByTestId('version-preview-doc').locator('h1')).toHaveText('Draft one');
  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.cm-content')).toContainText('The first take.');
  await expect(page.getByTestId('doc-preview').locator('h1')).toHaveText('Draft one');
  await expect(page.getByTestId('doc-save-status')).toHaveText('Saved');

  // Undo from the toast puts the rewritten text back.
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.cm-content')).toContainText('Rewritten from scratch.');
  await expect(page.getByTestId('doc-save-status')).toHaveText('Saved');

  const versions = (await readVersions(page)).filter((v) => v.targetKind === 'doc' && v.targetId === docId);
  expect(versions.find((v) => v.name === 'First draft')?.content.markdown).toBe('# Draft one\n\nThe first take.\n');
  expect(versions.find((v) => v.name === 'Before restoring “First draft”')?.content.markdown).toBe('# Draft two\n\nRewritten from scratch.\n\nWith more.\n');
});

test('History shows an empty state before any version exists', async ({ page }) => {
  await createBlankDesign(page);
  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'Version history' });
  await expect(dialog.getByTestId('history-empty')).toContainText('No versions yet');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'History' })).toBeFocused();
});
