import { expect, type Locator, type Page } from '@playwright/test';

/** Read every stored design straight from IndexedDB (the real database the app wrote). */
export async function readDb(page: Page): Promise<{ id: string; name: string; rev: number; design: { nodes: { id: string; kind: string; label?: string; replicas?: number; params?: Record<string, unknown>; position?: { x: number; y: number } }[]; edges: { from: string; to: string; callsPerRequest?: number; hitRatio?: number }[] } }[]> {
  return ((await dumpIdb(page)).stores['designs'] ?? []) as Awaited<ReturnType<typeof readDb>>;
}

/** The whole real database: every object store the app created, every record, in key order. */
export async function dumpIdb(page: Page): Promise<{ version: number; stores: Record<string, unknown[]> }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('mlsd-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const out: { version: number; stores: Record<string, unknown[]> } = { version: db.version, stores: {} };
          if (names.length === 0) {
            db.close();
            return resolve(out);
          }
          const tx = db.transaction(names, 'readonly');
          for (const name of names) {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => {
              out.stores[name] = req.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Drag from one component's output handle to another's input handle, as a person does with a mouse. */
export async function connectByMouse(page: Page, from: string, to: string): Promise<void> {
  const src = await node(page, from).locator('.react-flow__handle.source').boundingBox();
  const dst = await node(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!src || !dst) throw new Error('handles not visible');
  await page.mouse.move(src.x + src.width / 2, src.y + src.height / 2);
  await page.mouse.down();
  await page.mouse.move((src.x + dst.x) / 2, (src.y + dst.y) / 2, { steps: 5 });
  await page.mouse.move(dst.x + dst.width / 2, dst.y + dst.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Add components by clicking palette items (they stack in a free column), then connect them in order. */
export async function addChain(page: Page, kinds: string[]): Promise<string[]> {
  for (const kind of kinds) await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  const ids = kinds.map((k) => `${k}-1`);
  for (let i = 0; i + 1 < ids.length; i++) await connectByMouse(page, ids[i]!, ids[i + 1]!);
  await expect(page.locator('.react-flow__edge')).toHaveCount(ids.length - 1);
  return ids;
}

export async function createBlankDesign(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page).toHaveURL(/\/design\//);
  await expect(page.getByTestId('canvas')).toBeVisible();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved/);
}
