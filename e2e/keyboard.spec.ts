/** Keyboard first: the app's shortcuts in the built app, and a round run and stopped without the mouse. */
import { expect, test, type Page } from '@playwright/test';
import { script } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, threePeers } from './room.ts';

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

test('shortcuts: write, stop, new and next conversation, hide the columns, and the help sheet', async ({ page }) => {
  const peers = threePeers('keys');
  await openRoom(page, roomFile(peers));
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  // "/" focuses the message box; there "?" and "/" are only text.
  await page.keyboard.press('/');
  await expect(composer(page)).toBeFocused();
  await page.keyboard.type('@alpha why? /');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(composer(page)).toHaveValue('@alpha why? /');

  // Esc in the message box while Alpha writes: Stop all.
  await script(peers[0]!.model, { text: 'Slowly, because '.repeat(60), tokensPerSecond: 20 });
  await page.keyboard.press('Enter');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'streaming');
  await page.keyboard.press('Escape');
  await expectRoundEnd(page, 'stopped-by-human');

  // "?" (not in a field) opens the help sheet; Esc closes it.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Alt+N');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Alt+N: a new conversation, which is listed once it has a message (newest first); Alt+↓ and Alt+↑ walk the list.
  await page.keyboard.press('Alt+n');
  await expect(articles(page, 'you')).toHaveCount(0);
  await script(peers[1]!.model, { text: 'Beta answers the second.', tokensPerSecond: 400 });
  await page.keyboard.press('/');
  await page.keyboard.type('@beta second conversation');
  await page.keyboard.press('Enter');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
  const sidebar = page.getByRole('navigation', { name: 'Conversations' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(2);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Alt+ArrowDown');
  await expect(articles(page, 'you')).toContainText('@alpha why? /');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(articles(page, 'you')).toContainText('@beta second conversation');

  // Alt+1 and Alt+2 hide and show the two columns; a header button brings a hidden one back too.
  await page.keyboard.press('Alt+1');
  await expect(sidebar).toBeHidden();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeHidden();
  await page.getByRole('button', { name: 'Conversations' }).click();
  await expect(sidebar).toBeVisible();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('tablist', { name: 'Panels' })).toBeVisible();
});
