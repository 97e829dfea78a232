/**
 * Choosing a model after "Test connection", and the costs shown: per message, per peer, per round and in all,
 * at the catalog's prices and then at an edited one. Against the fake providers, through the real SDKs.
 */
import { expect, test, type Page } from '@playwright/test';
import { fakeUrl, script, waitForRequests } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, type TestPeer } from './room.ts';

test('a model picked from the provider’s list, with its details, is the one the seat uses', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Providers' }).click();
  await page.getByLabel('OpenAI API key', { exact: true }).fill('test-key-openai');
  await page.getByLabel('OpenAI base URL', { exact: true }).fill(`${fakeUrl()}/v1`);
  const openai = page.getByRole('group', { name: 'OpenAI', exact: true });
  await openai.getByRole('button', { name: 'Test connection' }).click();
  await expect(openai.getByRole('status')).toContainText('Connected: 3 models reachable.');

  await page.getByRole('tab', { name: 'Room' }).click();
  await page.getByRole('button', { name: 'Add peer' }).click();
  const form = page.getByRole('form', { name: 'New peer' });
  await form.getByLabel('Display name').fill('Mini');
  await form.getByLabel('Handle').fill('mini');
  await form.getByLabel('Provider').selectOption('openai');
  const model = form.getByRole('combobox', { name: 'Model' });
  await model.click();
  const listbox = form.getByRole('listbox', { name: 'Listed at the connection test' });
  await expect(listbox.getByRole('option')).toHaveText([/^gpt-4\.1/, /^gpt-4o-mini/, /^gpt-5-mini/]);
  await model.fill('5 mini');
  await expect(listbox.getByRole('option')).toHaveCount(1);
  const option = listbox.getByRole('option', { name: /gpt-5-mini/ });
  await expect(option).toContainText('400k context · $0.25 in · $2 out per M tokens');
  await expect(option).toContainText('Vision');
  await expect(option).toContainText('Reasoning');
  await model.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await model.press('Enter');
  await expect(model).toHaveValue('gpt-5-mini');
  await expect(form.getByTestId('model-details')).toHaveText(/400k context · \$0.25 in · \$2 out per M tokens/);
  await expect(form.getByLabel('Context window (tokens)')).toHaveValue('400000');
  await form.getByRole('button', { name: 'Add peer' }).click();
  await expect(page.getByRole('listitem', { name: 'Mini' })).toContainText('OpenAI · gpt-5-mini');

  await script('gpt-5-mini', { text: 'Mini here.' });
  await send(page, '@mini who are you?');
  await expect(articles(page, 'mini')).toContainText('Mini here.');
  const requests = await waitForRequests('gpt-5-mini', (logged) => logged.length >= 1);
  expect(requests[0]?.provider).toMatch(/^openai/);
});

// Dated snapshots of catalog models: priced as gpt-4.1 ($2 / $8 per million tokens) and claude-haiku-4-5 ($1 / $5),
// under ids no other test scripts.
const peers: TestPeer[] = [
  { handle: 'alpha', name: 'Alpha', provider: 'openai', model: 'gpt-4.1-2031-01-01' },
  { handle: 'beta', name: 'Beta', provider: 'anthropic', model: 'claude-haiku-4-5-20310101' },
];

async function footer(page: Page, handle: string) {
  return articles(page, handle).locator('footer');
}

test('a round’s known usage shows exact costs per message, per peer and in all; an edited price changes them', async ({
  page,
}) => {
  await openRoom(page, roomFile(peers));
  await script(peers[0]!.model, { text: 'Alpha answers.', usage: { inputTokens: 1_000, outputTokens: 500 } });
  await script(peers[1]!.model, { text: 'Beta answers.', usage: { inputTokens: 2_000, outputTokens: 400 } });
  await send(page, '@alpha @beta what does it cost?');
  await expectRoundEnd(page, 'queue-empty');

  // Alpha: 1,000 × $2 + 500 × $8 per million = $0.006. Beta: 2,000 × $1 + 400 × $5 per million = $0.004.
  await expect(await footer(page, 'alpha')).toContainText('1k in · 500 out tokens · $0.006');
  await expect(await footer(page, 'beta')).toContainText('2k in · 400 out tokens · $0.004');
  const spent = page.getByRole('button', { name: /Spent so far/ });
  await expect(spent).toHaveText('Spent so far: $0.010');
  await spent.click();
  const breakdown = page.getByRole('region', { name: 'Spending breakdown' });
  await expect(breakdown.getByRole('region', { name: 'By peer' }).getByRole('listitem')).toHaveText([
    /^Alpha.*\$0\.006$/,
    /^Beta.*\$0\.004$/,
  ]);
  await expect(breakdown.getByRole('region', { name: 'By round' }).getByRole('listitem')).toHaveText([
    /^Round 1\s*\$0\.010$/,
  ]);
  await spent.click();
  await expect(breakdown).toBeHidden();

  // Alpha's input at $4 instead of $2: 1,000 × $4 + 500 × $8 per million = $0.008; in all $0.012.
  await page.getByRole('tab', { name: 'Settings' }).click();
  const input = page.getByRole('textbox', { name: `Input price of ${peers[0]!.model} ($ per million tokens)` });
  await expect(input).toHaveValue('2');
  await input.fill('-4');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('The input price cannot be negative.');
  await expect(spent).toHaveText('Spent so far: $0.010');
  await input.fill('4');
  await input.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(await footer(page, 'alpha')).toContainText('1k in · 500 out tokens · $0.008');
  await expect(await footer(page, 'beta')).toContainText('$0.004');
  await expect(spent).toHaveText('Spent so far: $0.012');
  await spent.click();
  await expect(breakdown.getByRole('region', { name: 'By peer' }).getByRole('listitem')).toHaveText([
    /^Alpha.*\$0\.008$/,
    /^Beta.*\$0\.004$/,
  ]);

  // Reset to the catalog's price: back to the first figures.
  await page.getByRole('button', { name: `Reset ${peers[0]!.model} to catalog prices` }).click();
  await expect(spent).toHaveText('Spent so far: $0.010');
});
