/** Conversations survive a reload: the built app in Chromium, IndexedDB, and the fake providers. */
import { expect, test } from '@playwright/test';
import { articles, openRoom, roomFile, send, threePeers } from './room';

test('a reload mid-stream brings the partial reply back, marked interrupted', async ({ page }) => {
  const peers = threePeers('reload');
  await openRoom(page, roomFile(peers));
  const { script } = await import('./fake-control');
  await script(peers[0]!.model, { tokens: 400, tokensPerSecond: 25 });
  await send(page, '@alpha tell me everything');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'streaming');
  await expect(articles(page, 'alpha')).toContainText(/(\w+\s+){6}/);
  // Autosave writes at most every 400 ms: wait past one write, remember what was on screen, then reload.
  await page.waitForTimeout(900);
  const seenBeforeReload = (await articles(page, 'alpha').locator('.markdown').innerText()).trim();
  await page.reload();
  const reply = articles(page, 'alpha');
  await expect(reply).toHaveAttribute('data-status', 'interrupted');
  const restored = (await reply.locator('.markdown').innerText()).trim();
  // What came back is a prefix of the stream, and at most about a second behind what was on screen.
  const restoredWords = restored.split(/\s+/).length;
  const seenWords = seenBeforeReload.split(/\s+/).length;
  expect(restoredWords).toBeGreaterThan(3);
  expect(seenWords - restoredWords).toBeLessThanOrEqual(25);
  await expect(articles(page, 'you')).toContainText('@alpha tell me everything');
  await expect(page.getByRole('button', { name: 'Stop all' })).toHaveCount(0);
});
