import { expect, test } from '@playwright/test';
import { addChain, connectByMouse, createBlankDesign, node, readDb, waitSaved } from './helpers.ts';

test('build a design with the mouse, edit a parameter, reload and find everything as it was', async ({ page }) => {
  await createBlankDesign(page);
  await expect(page.getByText('Empty canvas')).toBeVisible();
  const canvas = page.getByTestId('canvas');
  const box = (await canvas.boundingBox())!;
  const kinds = ['client', 'load-balancer', 'api-gateway', 'feature-store-online', 'model-server'];
  for (const [i, kind] of kinds.entries()) {
    await page.locator(`.palette-item[data-kind="${kind}"]`).dragTo(canvas, { targetPosition: { x: 100 + i * 160, y: box.height / 2 - 100 + (i % 2) * 140 } });
  }
  await expect(page.getByTestId('canvas-node')).toHaveCount(5);
  const ids = kinds.map((k) => `${k}-1`);
  for (let i = 0; i + 1 < ids.length; i++) await connectByMouse(page, ids[i]!, ids[i + 1]!);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);

  // Edit a parameter in the inspector, and refuse a bad one inline.
  await node(page, 'model-server-1').click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();
  const maxBatch = page.getByTestId('field-maxBatch');
  await maxBatch.fill('0');
  await maxBatch.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'maxBatch must be at least 1' })).toBeVisible();
  await maxBatch.fill('64');
  await maxBatch.press('Enter');
  await page.getByTestId('field-replicas').fill('3');
  await page.getByTestId('field-replicas').press('Enter');
  await expect(node(page, 'model-server-1')).toContainText('×3');
  await waitSaved(page);

  const before = await readDb(page);
  expect(before).toHaveLength(1);
  const stored = before[0]!.design;
  expect(stored.nodes.map((n) => n.kind)).toEqual(kinds);
  expect(stored.edges).toEqual(ids.slice(0, -1).map((id, i) => ({ from: id, to: ids[i + 1] })));
  expect(stored.nodes[4]).toMatchObject({ replicas: 3, params: { maxBatch: 64 } });

  await page.reload();
  await expect(page.getByTestId('canvas-node')).toHaveCount(5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await node(page, 'model-server-1').click();
  await expect(page.getByTestId('field-maxBatch')).toHaveValue('64');
  await expect(page.getByTestId('field-replicas')).toHaveValue('3');
  const after = await readDb(page);
  expect(after[0]!.design.nodes.map((n) => n.position)).toEqual(stored.nodes.map((n) => n.position));
});

test('keyboard only: add components, connect them and move one', async ({ page }) => {
  await createBlankDesign(page);
  // Add two components from the palette with Enter.
  await page.locator('.palette-item[data-kind="api-gateway"]').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'api-gateway-1')).toBeFocused();
  const start = await node(page, 'api-gateway-1').boundingBox();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node(page, 'api-gateway-1').boundingBox())!.x).toBeGreaterThan(start!.x + 5);
  await page.locator('.palette-item[data-kind="model-server"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
  // The new component takes focus once it is drawn; wait for that so it cannot steal focus back later.
  await expect(node(page, 'model-server-1')).toBeFocused();
  // Select the gateway by keyboard: Tab through the canvas nodes and press Enter.
  await node(page, 'api-gateway-1').focus();
  await page.keyboard.press('Enter');
  // The title's id, not the whole panel: the panel also lists other components as connection targets.
  await expect(page.getByTestId('node-inspector').locator('.inspector-title code')).toHaveText('api-gateway-1');
  // Connect from the inspector.
  await page.getByLabel('Connect to').focus();
  await page.getByLabel('Connect to').selectOption('model-server-1');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await waitSaved(page);
  const [rec] = await readDb(page);
  expect(rec!.design.edges).toEqual([{ from: 'api-gateway-1', to: 'model-server-1' }]);
  expect(rec!.design.nodes[0]!.position!.x).toBeGreaterThan(0);
});

test('undo and redo, copy and paste, delete, and one undo step per drag', async ({ page }) => {
  await createBlankDesign(page);
  for (const kind of ['cache', 'database']) {
    await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  }
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  // A drag is one step.
  const b = (await node(page, 'database-1').boundingBox())!;
  await page.mouse.move(b.x + 60, b.y + 30);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + 60 + i * 15, b.y + 30 + i * 10);
  await page.mouse.up();
  const moved = (await node(page, 'database-1').boundingBox())!;
  expect(moved.x).toBeGreaterThan(b.x + 100);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Math.round((await node(page, 'database-1').boundingBox())!.x)).toBe(Math.round(b.x));
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect.poll(async () => Math.round((await node(page, 'database-1').boundingBox())!.x)).toBe(Math.round(moved.x));
  // Copy/paste.
  await node(page, 'cache-1').click();
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.getByTestId('canvas-node')).toHaveCount(3);
  await expect(node(page, 'cache-2')).toBeVisible();
  // Delete, then undo brings it back.
  await node(page, 'cache-2').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId('canvas-node')).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(2);
});

test('auto-layout puts a chain left to right, and edges and workload are editable', async ({ page }) => {
  await createBlankDesign(page);
  await addChain(page, ['client', 'api-gateway', 'cache']);
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const xs = await Promise.all(['client-1', 'api-gateway-1', 'cache-1'].map(async (id) => (await node(page, id).boundingBox())!.x));
  expect(xs[0]!).toBeLessThan(xs[1]!);
  expect(xs[1]!).toBeLessThan(xs[2]!);
  await page.locator('.react-flow__edge').last().click({ force: true });
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await page.getByTestId('field-hitRatio').fill('1.5');
  await page.getByTestId('field-hitRatio').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'between 0 and 1' })).toBeVisible();
  await page.getByTestId('field-hitRatio').fill('0.8');
  await page.getByTestId('field-hitRatio').press('Enter');
  await expect(page.locator('.react-flow__edge-text').filter({ hasText: '80% hit' })).toHaveCount(1);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.getByTestId('field-workload-rps').fill('2500');
  await page.getByTestId('field-workload-rps').press('Enter');
  await waitSaved(page);
  const [rec] = await readDb(page);
  expect(rec!.design.edges[1]).toMatchObject({ hitRatio: 0.8 });
  expect((rec!.design as unknown as { workload: { rps: number } }).workload.rps).toBe(2500);
});

test('zoomed far out, boxes are drawn lightly but still select, drag (one undo step) and fit', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open an example' }).click();
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
  const before = (await readDb(page))[0]!.design.nodes.find((n) => n.id === 'model-server-1')!.position!;
  const far = page.locator('.far-node');
  for (let i = 0; i < 12 && (await far.count()) === 0; i++) await page.locator('.react-flow__controls-zoomout').click();
  await expect(far).toHaveCount(7);
  await expect(page.getByTestId('canvas-node')).toHaveCount(0);
  // Press and drag one box.
  const box = (await page.locator('.far-node[data-id="model-server-1"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  // It is selected now: a full React Flow node again, shown in the inspector; the other six stay light.
  await expect(node(page, 'model-server-1')).toBeVisible();
  await expect(far).toHaveCount(6);
  await expect(page.getByTestId('node-inspector').locator('.inspector-title code')).toHaveText('model-server-1');
  await waitSaved(page);
  const after = (await readDb(page))[0]!.design.nodes.find((n) => n.id === 'model-server-1')!.position!;
  expect(after.x).toBeGreaterThan(before.x + 60);
  expect(after.y).toBeGreaterThan(before.y + 40);
  // The whole drag is one undo step.
  await page.keyboard.press('Control+z');
  await waitSaved(page);
  const undone = (await readDb(page))[0]!.design.nodes.find((n) => n.id === 'model-server-1')!.position!;
  expect(undone).toEqual(before);
  // Keyboard: Tab to a drawn box, Enter selects it and focus moves to the real node, where arrow keys work.
  const first = far.first();
  const id = (await first.getAttribute('data-id'))!;
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(node(page, id)).toBeFocused();
  await expect(page.getByTestId('node-inspector').locator('.inspector-title code')).toHaveText(id);
  await page.keyboard.press('Escape');
  // Zoom to fit brings every box back into view, drawn boxes included.
  await page.keyboard.press('Shift+!');
  await expect(page.getByTestId('canvas-node')).toHaveCount(7);
});
