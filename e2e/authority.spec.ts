/**
 * Human authority reaches every running reply: with "A new message stops replies still being written" switched
 * off, a reply from an earlier round keeps streaming after its round was preempted and the new round has ended.
 * Stop all, stopping that peer and muting it must still close its connection, mark it interrupted and keep the text.
 */
import { expect, test, type Page } from '@playwright/test';
import { script, waitForRequests } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, threePeers, type TestPeer } from './room.ts';

/** Alpha streams slowly from round 1; round 2 (@beta) ends on its own while Alpha is still writing. */
async function leaveAlphaRunning(page: Page, prefix: string): Promise<{ peers: TestPeer[]; alpha: string }> {
  const peers = threePeers(prefix);
  await openRoom(page, roomFile(peers, { limits: { abortInFlightOnHumanMessage: false } }));
  await script(peers[0]!.model, { tokens: 2_000, tokensPerSecond: 20 });
  await script(peers[1]!.model, { text: 'Beta answers at once.', tokensPerSecond: 400 });
  await send(page, '@alpha a long answer, please');
  await expect(articles(page, 'alpha')).toContainText(/\w+ \w+/);
  await send(page, '@beta something quick meanwhile');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
  await expectRoundEnd(page, 'queue-empty');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'streaming');
  return { peers, alpha: peers[0]!.model };
}

/** The reply is interrupted, its connection closed by the browser, and what had arrived is still shown. */
async function expectStoppedKeepingText(page: Page, model: string, textBefore: string): Promise<void> {
  const alpha = articles(page, 'alpha');
  await expect(alpha).toHaveAttribute('data-status', 'interrupted');
  const logged = await waitForRequests(model, (log) => log.some((request) => request.clientClosed));
  expect(logged.find((request) => request.provider === 'openai-chat')?.clientClosed).toBe(true);
  expect(textBefore).toMatch(/\w+ \w+/);
  expect(await alpha.locator('[data-part="answer"]').innerText()).toContain(textBefore);
}

/** A few words of the reply as it stands. */
async function partialText(page: Page): Promise<string> {
  const text = await articles(page, 'alpha').locator('[data-part="answer"]').innerText();
  return text.trim().split(/\s+/).slice(0, 3).join(' ');
}

test('Stop all is offered and stops a reply left running from an earlier round', async ({ page }) => {
  const { alpha } = await leaveAlphaRunning(page, 'leftstopall');
  const stopAll = page.getByRole('button', { name: 'Stop all' });
  await expect(stopAll).toBeVisible();
  const before = await partialText(page);
  await stopAll.click();
  await expectStoppedKeepingText(page, alpha, before);
  await expect(stopAll).toHaveCount(0);
});

test('stopping one peer reaches its reply left running from an earlier round', async ({ page }) => {
  const { alpha } = await leaveAlphaRunning(page, 'leftstoppeer');
  const before = await partialText(page);
  await page.getByRole('button', { name: 'Stop Alpha' }).click();
  await expectStoppedKeepingText(page, alpha, before);
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
});

test('muting a peer stops its reply left running from an earlier round', async ({ page }) => {
  const { alpha } = await leaveAlphaRunning(page, 'leftmute');
  const before = await partialText(page);
  await page.getByRole('button', { name: 'Mute Alpha' }).click();
  await expectStoppedKeepingText(page, alpha, before);
  await expect(page.getByRole('button', { name: 'Unmute Alpha' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop all' })).toHaveCount(0);
});
