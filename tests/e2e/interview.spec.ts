import { expect, test } from '@playwright/test';
import { connectByMouse } from './helpers.ts';

const MIN = 60_000;

test('a 45-minute mock on anomaly detection: ask, draw, advance, get a design-driven follow-up, finish, debrief, find it in history', async ({ page }) => {
  // A fixed fake time that the test moves by hand; the app's timers keep running and re-read it.
  const t0 = new Date('2026-11-23T10:00:00Z').getTime();
  let t = t0;
  const wait = async (ms: number) => page.clock.setFixedTime((t += ms));
  await page.clock.setFixedTime(t0);
  await page.goto('/interview');
  const card = page.locator('[data-scenario="anomaly-detection"]');
  await expect(page.locator(".scenario-card")).toHaveCount(10);
  await card.getByRole('button', { name: /Start a mock interview/ }).click();
  await expect(page.getByRole('dialog')).toContainText('45 minutes');
  await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/interview\/[^/]+$/);

  const clock = page.getByTestId('phase-clock');
  await expect(clock).toHaveText('7:00');
  await wait(MIN);
  await expect(clock).toHaveText('6:00');

  // Two requirement questions: one typed, one picked from the list.
  await page.getByLabel('Ask the interviewer a question').fill('What is the peak QPS?');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByLabel('Answers so far')).toContainText('50,000 events per second');
  await page.getByText(/Or pick a question/).click();
  await page.getByRole('button', { name: /Do we have labelled anomalies/ }).click();
  await expect(page.getByLabel('Answers so far')).toContainText('about 400 past incidents');
  await expect(page.getByLabel('Answers so far').locator('li')).toHaveCount(2);

  // The clock survives a reload: it is computed from stored timestamps.
  await page.reload();
  await expect(page.getByTestId('phase-clock')).toHaveText('6:00');
  await expect(page.getByLabel('Answers so far').locator('li')).toHaveCount(2);

  // Components: Kafka → stream processor → model server (no cache, no monitoring).
  await page.getByRole('tab', { name: 'Components' }).click();
  for (const kind of ['queue', 'stream-processor', 'model-server']) await page.locator(`.palette-item[data-kind="${kind}"]`).click();
  await connectByMouse(page, 'queue-1', 'stream-processor-1');
  await connectByMouse(page, 'stream-processor-1', 'model-server-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Notes' }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill('Assume 150k events/s at peak. Use accuracy to evaluate.');

  // Advance clarify → metrics → design → data; the interviewer asks on entering data.
  const next = page.getByRole('button', { name: 'Next phase →' });
  await wait(4 * MIN);
  await next.click();
  await wait(3 * MIN);
  await next.click();
  await wait(5 * MIN);
  await expect(page.getByLabel('Interviewer and components').getByRole('tab', { name: /Interviewer/ })).toBeVisible();
  await next.click();
  const followUp = page.locator('[data-followup]').first();
  await expect(followUp).toBeVisible();
  const reason = await followUp.getAttribute('data-reason');
  // Chosen from what the design lacks: never about the queue it has.
  expect(['no-monitoring', 'no-drift', 'no-cache', 'no-feature-store', 'over-budget', 'no-fallback', 'no-baseline', 'no-metric', 'accuracy-on-rare', 'no-split', 'no-rollout', 'no-retraining', 'no-registry', 'no-human-review', 'no-latency-number']).toContain(reason);
  await followUp.getByLabel('answered').check();
  await expect(page.locator('.phase-seg.current')).toContainText('Data & features');

  // Pause: the clock stands still.
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await clock.textContent();
  await wait(5 * MIN);
  await expect(clock).toHaveText(paused!);
  await page.getByRole('button', { name: 'Resume' }).click();

  // Finish, self-assess, see the debrief.
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByRole('button', { name: 'Finish and debrief' }).click();
  await expect(page.getByRole('heading', { name: /Debrief: Real-time anomaly detection/ })).toBeVisible();
  const checks = page.getByTestId('checks');
  await expect(checks).toContainText('Accuracy was used as a metric on a rare-class problem');
  await expect(checks).toContainText('no monitoring');
  await expect(checks).toContainText(/saturates|over the 100 ms budget/);
  await expect(page.locator('.time-row').first()).toContainText('Clarify requirements');
  for (const [dim, score] of [['Problem scoping & requirements', 3], ['ML framing & metrics', 2], ['Data, labels & features', 2], ['Modeling & training', 2], ['Serving, scale & reliability', 3], ['Evaluation, rollout & monitoring', 1], ['Communication & time management', 3]] as const) {
    await page.getByRole('radiogroup', { name: dim }).getByText(String(score), { exact: true }).click();
  }
  // Weighted: (.15·3 + .15·2 + .2·2 + .15·2 + .15·3 + .1·1 + .1·3) = 2.3
  await expect(page.getByTestId('final-score')).toHaveText('2.30');
  await expect(page.locator('.suggestion')).toContainText('evaluation, rollout & monitoring');

  // Reload: still finished, still scored. Then it is in the history with its score.
  await page.reload();
  await expect(page.getByTestId('final-score')).toHaveText('2.30');
  await page.getByRole('link', { name: 'All interviews' }).click();
  const row = page.locator('.history-table tbody tr').first();
  await expect(row).toContainText('Real-time anomaly detection on a stream');
  await expect(row).toContainText('finished');
  await expect(row).toContainText('2.30');
  await expect(page.getByTestId('progress-chart')).toBeVisible();
});

test('a custom-length mock, the reference design on the canvas, and a Markdown export of the attempt', async ({ page }) => {
  await page.goto('/interview');
  const card = page.locator('[data-scenario="fraud-detection"]');
  await card.getByRole('button', { name: /Open the reference design/ }).click();
  await expect(page).toHaveURL(/\/design\//);
  await expect(page.getByTestId('metric-latency')).toContainText('within');
  await page.goto('/interview');

  await page.locator('[data-scenario="fraud-detection"]').getByRole('button', { name: /Start a mock interview/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Custom').click();
  await dialog.getByLabel('Clarify requirements minutes').fill('3');
  await expect(dialog).toContainText('41 min');
  await dialog.getByLabel('Model minutes').fill('0');
  await expect(dialog.getByRole('alert')).toContainText('whole number of minutes');
  await expect(dialog.getByRole('button', { name: 'Start' })).toBeDisabled();
  await dialog.getByLabel('Model minutes').fill('8');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('phase-clock')).toHaveText(/^(3:00|2:5\d)$/);

  await page.getByRole('button', { name: /Hint 1 of 3/ }).click();
  await expect(page.locator('.hint.level-1')).toBeVisible();
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.getByRole('button', { name: 'Finish and debrief' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Payment fraud detection.* mock \d{4}-\d{2}-\d{2}\.md$/);
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toContain('# Mock interview: Payment fraud detection');
  expect(text).toContain('custom format');
  expect(text).toContain('| Clarify requirements | 3:00 |');
  expect(text).toContain('## Hints used');
});
