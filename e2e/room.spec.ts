/**
 * The room end to end: the built app in Chromium, peers on the fake-provider server, and assertions made on what
 * each model was actually sent.
 */
import { expect, test } from '@playwright/test';
import type { LoggedRequest } from '../tools/fake-providers/index.ts';
import { requestsFor, script, waitForRequests } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, threePeers } from './room.ts';

const calls = async (model: string): Promise<LoggedRequest[]> =>
  (await requestsFor(model)).filter((request) => request.provider !== 'preflight' && request.provider !== 'models');

test('a human @mention reaches only that peer', async ({ page }) => {
  const peers = threePeers('mention');
  await openRoom(page, roomFile(peers));
  await script(peers[1]!.model, { text: 'Beta here.', tokensPerSecond: 400 });
  await send(page, '@beta what do you think?');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
  await expect(articles(page, 'beta')).toHaveAttribute('data-reason', 'human-mention');
  await expectRoundEnd(page, 'queue-empty');
  expect(await calls(peers[0]!.model)).toHaveLength(0);
  expect(await calls(peers[1]!.model)).toHaveLength(1);
  expect(await calls(peers[2]!.model)).toHaveLength(0);
});

test('@all reaches every peer, and each later request holds the earlier replies with attribution', async ({ page }) => {
  const peers = threePeers('all');
  await openRoom(page, roomFile(peers));
  for (const peer of peers)
    await script(peer.model, { text: `${peer.name} says the sky is blue.`, tokensPerSecond: 400 });
  await send(page, '@all what colour is the sky?');
  for (const peer of peers) await expect(articles(page, peer.handle)).toHaveAttribute('data-status', 'complete');
  await expectRoundEnd(page, 'queue-empty');
  const requests = await Promise.all(peers.map(async (peer) => (await calls(peer.model))[0]!));
  const sentTexts = requests.map((request) => request.messages.map((message) => message.content).join('\n'));
  for (const sent of sentTexts) expect(sent).toContain('@all what colour is the sky?');
  // Whoever spoke last saw both earlier replies, each under its author's attribution line.
  const last = requests.reduce((latest, request) => (request.at > latest.at ? request : latest));
  const lastSent = last.messages.map((message) => message.content).join('\n');
  const others = peers.filter((peer) => !last.model?.endsWith(peer.handle));
  expect(others).toHaveLength(2);
  for (const peer of others)
    expect(lastSent).toContain(`[@${peer.handle} (${peer.name})]:\n${peer.name} says the sky is blue.`);
});

test('a peer mentioning another peer starts its turn, and the chain stops at the depth limit', async ({ page }) => {
  const peers = threePeers('chain');
  await openRoom(page, roomFile(peers, { limits: { maxDepth: 2 } }));
  await script(peers[0]!.model, { text: 'Over to @beta.', tokensPerSecond: 400 });
  await script(peers[1]!.model, { text: 'Asking @gamma.', tokensPerSecond: 400 });
  await script(peers[2]!.model, { text: 'Back to @alpha.', tokensPerSecond: 400 });
  await send(page, '@alpha start the chain');
  await expectRoundEnd(page, 'depth-limit');
  await expect(articles(page, 'beta')).toHaveAttribute('data-reason', 'peer-mention');
  await expect(articles(page, 'gamma')).toHaveAttribute('data-reason', 'peer-mention');
  expect(await calls(peers[0]!.model)).toHaveLength(1);
  expect(await calls(peers[1]!.model)).toHaveLength(1);
  expect(await calls(peers[2]!.model)).toHaveLength(1);
});

test('Stop all aborts the streams and keeps the partial text as interrupted', async ({ page }) => {
  const peers = threePeers('stop');
  await openRoom(page, roomFile(peers));
  await script(peers[0]!.model, { tokens: 400, tokensPerSecond: 20 });
  await send(page, '@alpha tell me a long story');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'streaming');
  // Some of the reply itself has arrived (the article's header alone has words too), so the request is out.
  await expect(articles(page, 'alpha').locator('[data-part="answer"]')).toContainText(/\w+ \w+/);
  await page.getByRole('button', { name: 'Stop all' }).click();
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'interrupted');
  await expectRoundEnd(page, 'stopped-by-human');
  const logged = await waitForRequests(peers[0]!.model, (log) => log.some((r) => r.clientClosed));
  expect(logged.find((r) => r.provider === 'openai-chat')?.clientClosed).toBe(true);
  await expect(articles(page, 'alpha')).toContainText(/\w+/);
  await expect(page.getByRole('button', { name: 'Stop all' })).toHaveCount(0);
});

test('a new human message preempts the running round', async ({ page }) => {
  const peers = threePeers('preempt');
  await openRoom(page, roomFile(peers));
  await script(peers[0]!.model, { tokens: 400, tokensPerSecond: 20 });
  await script(peers[1]!.model, { text: 'Beta answers the new question.', tokensPerSecond: 400 });
  await send(page, '@alpha a slow question');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'streaming');
  await send(page, '@beta never mind, you answer');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'interrupted');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
  const logged = await waitForRequests(peers[0]!.model, (log) => log.some((r) => r.clientClosed));
  expect(logged.some((r) => r.clientClosed)).toBe(true);
});

test('a muted peer is never called', async ({ page }) => {
  const peers = threePeers('mute');
  await openRoom(page, roomFile(peers));
  await page.getByRole('button', { name: 'Mute Beta' }).click();
  await expect(page.getByRole('button', { name: 'Unmute Beta' })).toBeVisible();
  await send(page, '@all and @beta, hello');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');
  await expect(articles(page, 'gamma')).toHaveAttribute('data-status', 'complete');
  await expectRoundEnd(page, 'queue-empty');
  expect(await calls(peers[1]!.model)).toHaveLength(0);
  await expect(articles(page, 'beta')).toHaveCount(0);
});

test('after switching mode the next requests carry the other mode’s block', async ({ page }) => {
  const peers = threePeers('mode');
  await openRoom(page, roomFile(peers));
  await send(page, '@gamma first');
  await expect(articles(page, 'gamma')).toHaveAttribute('data-status', 'complete');
  await page
    .getByRole('radiogroup', { name: 'Mode' })
    .getByRole('radio', { name: /Adversarial/ })
    .check();
  await send(page, '@gamma second');
  await expect(articles(page, 'gamma').nth(1)).toHaveAttribute('data-status', 'complete');
  const [first, second] = await calls(peers[2]!.model);
  expect(first?.system).toMatch(/Mode: Collaborative/);
  expect(second?.system).toMatch(/Mode: Adversarial/);
  expect(second?.system).not.toMatch(/Mode: Collaborative/);
});

test('a 429 on one peer shows a clear error on its message while the others still answer', async ({ page }) => {
  const peers = threePeers('ratelimit');
  await openRoom(page, roomFile(peers));
  const limited = { text: 'never', fault: { kind: 'rate-limit' as const, retryAfterSeconds: 1 } };
  await script(peers[1]!.model, [limited, limited, limited]);
  await send(page, '@all status report');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
  await expect(articles(page, 'beta')).toContainText(/rate limit/i);
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');
  await expect(articles(page, 'gamma')).toHaveAttribute('data-status', 'complete');
  await expect(page.locator('body')).not.toContainText('test-key-anthropic');
});
