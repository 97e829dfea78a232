/** Settings → Evaluation results: a results.json from `npm run eval`, drawn with Chart.js loaded on demand. */
import { expect, test } from '@playwright/test';

const row = (label: string, strategy: string, accuracy: number, costUsd: number | null) => ({
  strategy,
  label,
  correct: Math.round(accuracy * 20),
  total: 20,
  accuracy,
  interval: { low: Math.max(0, accuracy - 0.2), high: Math.min(1, accuracy + 0.15) },
  inputTokens: 1000,
  outputTokens: 500,
  costUsd,
  medianLatencyMs: 900,
  failed: 0,
});

const RESULTS = {
  format: 'peerchat.eval',
  version: 1,
  startedAt: '2026-12-06T01:00:00.000Z',
  peers: [
    { id: 'peer-1-alpha', name: 'Alpha', model: 'gpt-4o-mini' },
    { id: 'peer-2-beta', name: 'Beta', model: 'claude-haiku' },
  ],
  questions: 20,
  strategies: [
    row('single: Alpha', 'single', 0.7, 0.01),
    row('single: Beta', 'single', 0.55, 0.02),
    row('vote', 'vote', 0.75, 0.03),
    row('council', 'council', 0.85, 0.06),
  ],
};

test('imported evaluation results show each strategy drawn and in a table; a wrong file is refused', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Settings' }).click();
  const chartCode: string[] = [];
  page.on('request', (request) => {
    if (/chart/i.test(request.url())) chartCode.push(request.url());
  });
  await page.getByLabel('Import evaluation results').setInputFiles({
    name: 'results.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(RESULTS)),
  });
  const table = page.getByRole('table', { name: 'Evaluation results' });
  await expect(table.locator('[data-strategy="council"]')).toContainText('85 %');
  await expect(table.locator('[data-strategy="council"]')).toContainText('65 % – 100 %');
  await expect(table.locator('[data-strategy="single: Beta"]')).toContainText('$0.0200');
  await expect(page.getByRole('img', { name: 'Accuracy of each strategy, with its 95 % interval' })).toHaveAttribute(
    'data-chart',
    'drawn',
  );
  await expect(page.getByRole('img', { name: 'Accuracy against cost, one point per strategy' })).toHaveAttribute(
    'data-chart',
    'drawn',
  );
  expect(chartCode.length).toBeGreaterThan(0); // fetched on import, not with the page

  await page.getByLabel('Import evaluation results').setInputFiles({
    name: 'room.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"peerchat.room","version":1}'),
  });
  await expect(page.getByRole('alert')).toContainText('These are not evaluation results: format:');
});
