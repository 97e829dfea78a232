/** The demo room's suggested prompts, in the built app: each plays its script through the real arbiter. */
import { expect, test } from '@playwright/test';
import { articles, expectRoundEnd } from './room.ts';

test('suggested prompts: peers hand over, a loop guard ends a round, and Mute works during a script', async ({
  page,
}) => {
  await page.goto('/');
  const prompts = page.getByRole('list', { name: 'Suggested prompts' });
  await expect(prompts.getByRole('button')).toHaveCount(5);

  // Hand-over: Ada names Bo, Bo names Cy; each reply says who asked for it.
  await prompts.getByRole('button', { name: 'Peers hand over' }).click();
  await expectRoundEnd(page, 'queue-empty', { timeout: 30_000 });
  await expect(articles(page, 'ada')).toHaveAttribute('data-reason', 'human-mention');
  await expect(articles(page, 'bo')).toHaveAttribute('data-reason', 'peer-mention');
  await expect(articles(page, 'bo')).toContainText('asked by @ada');
  await expect(articles(page, 'cy')).toContainText('asked by @bo');
  await expect(articles(page, 'cy')).toContainText('Start with a walk, not slides');

  // A new conversation shows the prompts again; the loop guard ends Ada and Bo's ping-pong and says so.
  await page.getByRole('button', { name: 'New conversation' }).click();
  await prompts.getByRole('button', { name: 'A loop guard' }).click();
  await expectRoundEnd(page, 'ping-pong-limit', { timeout: 30_000 });
  await expect(page.locator('[data-round-end]')).toContainText(/ping-pong/i);

  // Mute works on a script as on any round: muted Bo does not answer Ada's hand-over.
  await page.getByRole('button', { name: 'New conversation' }).click();
  await page.getByRole('button', { name: 'Mute Demo · Bo (simulated)' }).click();
  await prompts.getByRole('button', { name: 'Peers hand over' }).click();
  await expectRoundEnd(page, 'queue-empty', { timeout: 30_000 });
  await expect(articles(page, 'ada')).toHaveCount(1);
  await expect(articles(page, 'bo')).toHaveCount(0);
});
