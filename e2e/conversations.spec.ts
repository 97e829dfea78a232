/**
 * Many conversations and their versions, end to end: the built app in Chromium, IndexedDB, and the fake providers.
 */
import { expect, test, type Page } from '@playwright/test';
import { requestsFor, script } from './fake-control.ts';
import { articles, openRoom, roomFile, send, threePeers } from './room.ts';
import { newestStoredConversation } from './stored.ts';

/**
 * Waits until this tab's autosave holds the open conversation (it takes a Web Lock per conversation once it runs).
 * Known store issue: `startPersistence` starts the autosave only after IndexedDB has opened, and its baseline takes
 * messages already in the room as stored, so a message sent before then is never written. These tests come back to
 * their messages, so they send only after this.
 */
async function autosaveRunning(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await navigator.locks.query()).held?.some((lock) => lock.name?.startsWith('peerchat:conversation:')),
      ),
    )
    .toBe(true);
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const listed = (page: Page, title: string) => sidebar(page).getByRole('button', { name: title, exact: true });

/** Model names of this run only (the fake server's scripts and request log are shared by every test). */
const prefix = (name: string) => `${name}-${test.info().repeatEachIndex}-${test.info().retry}`;

test('the sidebar switches between conversations, each with its own messages', async ({ page }) => {
  const peers = threePeers(prefix('conversations'));
  await openRoom(page, roomFile(peers));
  await autosaveRunning(page);
  await script(peers[0]!.model, { text: 'Alpha answers the first.', tokensPerSecond: 400 });
  await send(page, '@alpha first conversation');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');

  // Stored with its first message; give it a title of its own.
  await sidebar(page).getByRole('button', { name: 'Rename E2E room' }).click();
  await sidebar(page).getByRole('textbox', { name: 'Conversation title' }).fill('First talk');
  await page.keyboard.press('Enter');
  await expect(listed(page, 'First talk')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('banner')).toContainText('First talk');

  await sidebar(page).getByRole('button', { name: 'New conversation' }).click();
  await expect(articles(page, 'you')).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('E2E room');
  await script(peers[1]!.model, { text: 'Beta answers the second.', tokensPerSecond: 400 });
  await send(page, '@beta second conversation');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
  await expect(listed(page, 'E2E room')).toHaveAttribute('aria-current', 'page');
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);

  await listed(page, 'First talk').click();
  await expect(listed(page, 'First talk')).toHaveAttribute('aria-current', 'page');
  await expect(articles(page, 'you')).toContainText('@alpha first conversation');
  await expect(articles(page, 'alpha')).toContainText('Alpha answers the first.');
  await expect(articles(page, 'beta')).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('First talk');

  await listed(page, 'E2E room').click();
  await expect(articles(page, 'you')).toContainText('@beta second conversation');
  await expect(articles(page, 'beta')).toContainText('Beta answers the second.');
  await expect(articles(page, 'alpha')).toHaveCount(0);
});

test('editing a human message reruns from it, and both versions stay to switch between', async ({ page }) => {
  const peers = threePeers(prefix('versions'));
  await openRoom(page, roomFile(peers));
  await autosaveRunning(page);
  await script(peers[0]!.model, [
    { text: 'Paris, says the first answer.', tokensPerSecond: 400 },
    { text: 'Rome, says the second answer.', tokensPerSecond: 400 },
  ]);
  await send(page, '@alpha capital of France?');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');
  await expect(articles(page, 'alpha')).toContainText('Paris, says the first answer.');

  const mine = articles(page, 'you');
  await mine.getByRole('button', { name: 'Edit message' }).click();
  await mine.getByRole('textbox', { name: 'Edit message' }).fill('@alpha capital of Italy?');
  await mine.getByRole('button', { name: 'Save and rerun' }).click();
  await expect(articles(page, 'alpha')).toContainText('Rome, says the second answer.');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');
  await expect(mine).toContainText('capital of Italy?');
  await expect(mine).toContainText('Version 2 of 2');

  await mine.getByRole('button', { name: 'Previous version' }).click();
  await expect(mine).toContainText('capital of France?');
  await expect(mine).toContainText('Version 1 of 2');
  await expect(articles(page, 'alpha')).toContainText('Paris, says the first answer.');
  await expect(articles(page, 'alpha')).toHaveCount(1);

  await mine.getByRole('button', { name: 'Next version' }).click();
  await expect(mine).toContainText('capital of Italy?');
  await expect(mine).toContainText('Version 2 of 2');
  await expect(articles(page, 'alpha')).toContainText('Rome, says the second answer.');

  // Both versions are stored: after a reload the one shown comes back, and the other is still there. (Autosave
  // writes at most every 400 ms: wait until it has written the version shown.)
  await expect
    .poll(async () => (await newestStoredConversation(page))?.messages.map((m) => `${m.text} (${m.status})`))
    .toEqual(['@alpha capital of Italy? (complete)', 'Rome, says the second answer. (complete)']);
  await page.reload();
  await expect(mine).toContainText('capital of Italy?');
  await expect(mine).toContainText('Version 2 of 2');
  await mine.getByRole('button', { name: 'Previous version' }).click();
  await expect(articles(page, 'alpha')).toContainText('Paris, says the first answer.');

  // Switching versions shows what is stored; it never asks a model again.
  const calls = (await requestsFor(peers[0]!.model)).filter(
    (request) => request.provider !== 'preflight' && request.provider !== 'models',
  );
  expect(calls).toHaveLength(2);
});

test('on a phone the conversations are a drawer, which closes once a conversation is opened', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const peers = threePeers(prefix('phone'));
  await openRoom(page, roomFile(peers));
  await autosaveRunning(page);
  await send(page, '@alpha on the phone');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');
  await expect(sidebar(page)).toBeHidden();

  const toggle = page.getByRole('button', { name: 'Conversations' });
  await toggle.click();
  const drawer = page.getByRole('dialog', { name: 'Conversations' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'New conversation' }).click();
  await expect(drawer).toBeHidden();
  await expect(articles(page, 'you')).toHaveCount(0);
  await expect(toggle).toBeFocused();

  await toggle.click();
  await listed(page, 'E2E room').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(articles(page, 'you')).toContainText('@alpha on the phone');
});
