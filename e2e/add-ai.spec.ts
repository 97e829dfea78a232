/**
 * "Add an AI" end to end, from the demo room: a provider, its key and server (a wrong address is explained in place,
 * then fixed), the connection test, a model from the list it returned, and the seat, with the demo peers removed in
 * the same step. The new peer then answers through the real SDK against the fake provider.
 */
import { expect, test } from '@playwright/test';
import { fakeUrl, script } from './fake-control.ts';
import { articles, send } from './room.ts';

test('a real AI is seated in one flow, and the demo peers leave in the same step', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Peers' }).getByRole('listitem')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Add an AI' }).click();
  const flow = page.getByRole('dialog', { name: 'Add an AI' });
  await expect(flow).toBeVisible();

  // 1. The provider.
  await flow.getByRole('radio', { name: /Anthropic/ }).check();
  await flow.getByRole('button', { name: 'Next' }).click();

  // 2. Its key and server; a server that does not answer is said where it happened, and Next waits for a good test.
  await flow.getByLabel('Anthropic API key').fill('sk-ant-test-key-add-ai');
  await flow.getByLabel('Anthropic base URL').fill('http://127.0.0.1:9');
  await expect(flow.getByRole('button', { name: 'Test the connection first' })).toBeDisabled();
  await flow.getByRole('button', { name: 'Test connection' }).click();
  await expect(flow.getByText(/could not reach|network|connect/i).first()).toBeVisible({ timeout: 15_000 });
  await expect(flow.getByRole('button', { name: 'Test the connection first' })).toBeDisabled();
  await flow.getByLabel('Anthropic base URL').fill(fakeUrl());
  await flow.getByRole('button', { name: 'Test connection' }).click();
  await expect(flow.getByText(/Connected: 3 models reachable/)).toBeVisible();
  await flow.getByRole('button', { name: 'Next' }).click();

  // 3. A model from the list the provider returned.
  await flow.getByRole('radio', { name: /claude-opus-4-7/ }).check();
  await flow.getByRole('button', { name: 'Next' }).click();

  // 4. The seat: its name and handle, and the demo peers removed.
  await flow.getByLabel('Name in the room').fill('Opus');
  await expect(flow).toContainText('@claudeopus47');
  await flow.getByRole('checkbox', { name: /Remove the demo peers/ }).check();
  await flow.getByRole('button', { name: 'Seat it' }).click();
  await expect(flow).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add an AI' })).toBeFocused();

  const chips = page.getByRole('list', { name: 'Peers' }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips).toContainText('Opus');

  await script('claude-opus-4-7', { text: 'Opus, seated and answering.', tokensPerSecond: 400 });
  await send(page, '@claudeopus47 hello?');
  await expect(articles(page, 'claudeopus47')).toHaveAttribute('data-status', 'complete');
  await expect(articles(page, 'claudeopus47')).toContainText('Opus, seated and answering.');
});
