/**
 * Shared rooms when things go wrong, end to end: an owner going offline mid-turn, a server restart mid-round, a
 * network drop and a reload, the members' authority, and a hostile member's forged and oversized messages. Each test
 * starts the real sync server (free port, temporary data folder) and opens one browser context per person.
 */
import { expect, test, type Page } from '@playwright/test';
import { TestClient, waitFor } from '../server/testing.ts';
import { requestsFor, script } from './fake-control.ts';
import { articles, send } from './room.ts';
import {
  closeShared,
  currentSync,
  cuttableProxy,
  joinAs,
  openAsOwner,
  person,
  restartSync,
  roomOfLink,
  seatBravo,
  share,
  startSync,
  throughServer,
} from './shared-room.ts';

// Several people, a real server and its restarts: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 60_000 });
test.afterEach(closeShared);

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
const status = (page: Page) => page.locator('[data-shared-status]');
const connected = (page: Page) => expect(status(page)).toHaveAttribute('data-shared-status', 'connected');

/** The human messages on a page, in order. */
const humanTexts = (page: Page) => page.locator('article[data-author="you"] [data-part="answer"]').allTextContents();

test('the owner of a peer goes offline mid-turn: the turn ends after the timeout, says why, and the round goes on', async ({
  browser,
}) => {
  await startSync({ ownerGoneMs: 1_500 });
  const [ana, bo] = [await person(browser), await person(browser)];
  await openAsOwner(ana, 'sf-alpha-1');
  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  await seatBravo(bo, 'sf-bravo-1');
  await expect(ana.getByRole('button', { name: 'Mute Bravo' })).toBeVisible();
  await script('sf-bravo-1', { text: words(60), tokensPerSecond: 5 });

  await send(ana, '@bravo take your time');
  await expect(articles(ana, 'bravo')).toContainText('word1');
  await bo.context().close();
  await expect(articles(ana, 'bravo')).toContainText("Bo's browser went offline during this turn.", {
    timeout: 10_000,
  });
  await expect(articles(ana, 'bravo')).not.toContainText('word40');

  await script('sf-alpha-1', { text: 'Alpha carries on.' });
  await send(ana, '@alpha are you still there?');
  await expect(articles(ana, 'alpha')).toContainText('Alpha carries on.');
  expect(await requestsFor('sf-bravo-1')).toHaveLength(1);
  expect(currentSync().lines.some((line) => line.event === 'turn-ended-owner-gone')).toBe(true);
});

test('a server restart mid-round loses nothing: the reply lands once and everyone carries on', async ({ browser }) => {
  await startSync();
  const [ana, bo] = [await person(browser), await person(browser)];
  await openAsOwner(ana, 'sf-alpha-2');
  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  await script('sf-alpha-2', { text: words(30), tokensPerSecond: 10 });

  await send(ana, '@alpha tell me everything');
  await expect(articles(ana, 'alpha')).toContainText('word1');
  await restartSync();
  for (const page of [ana, bo]) {
    await expect(articles(page, 'alpha')).toContainText('word29', { timeout: 15_000 });
    await connected(page);
    await expect(articles(page, 'alpha')).toHaveCount(1);
    expect(await humanTexts(page)).toEqual(['@alpha tell me everything']);
  }
  expect(await requestsFor('sf-alpha-2')).toHaveLength(1);

  await send(bo, 'Bo after the restart');
  await expect(ana.locator('article[data-author="you"]').filter({ hasText: 'Bo after the restart' })).toHaveCount(1);
});

test('a network drop and a reload: messages sent meanwhile arrive once, in one order, and a reload rejoins', async ({
  browser,
}) => {
  await startSync();
  const [ana, bo] = [await person(browser), await person(browser)];
  await openAsOwner(ana, 'sf-alpha-3');
  await ana.getByRole('button', { name: 'Mute Alpha' }).click();
  const link = await share(ana, 'Ana');
  const proxy = await cuttableProxy(currentSync().server.port);
  try {
    await joinAs(bo, throughServer(link, proxy.syncUrl), 'Bo');
    await send(bo, 'before the drop');
    await expect(ana.getByText('before the drop')).toBeVisible();

    proxy.cut();
    await expect(status(bo)).toHaveAttribute('data-shared-status', 'offline');
    await send(bo, 'sent while offline');
    await send(ana, 'while Bo was away');
    proxy.restore();
    await connected(bo);
    const expected = ['before the drop', 'while Bo was away', 'sent while offline'];
    for (const page of [ana, bo]) await expect.poll(() => humanTexts(page), { timeout: 10_000 }).toEqual(expected);

    await bo.reload();
    await connected(bo);
    await expect.poll(() => humanTexts(bo)).toEqual(expected);
    await expect(bo.locator('[data-member="Bo"]')).toContainText('(you)');
  } finally {
    await proxy.close();
  }
});

test('authority: members govern only their own peers until the owner makes them arbiter; the owner can remove them', async ({
  browser,
}) => {
  await startSync();
  const [ana, bo] = [await person(browser), await person(browser)];
  await openAsOwner(ana, 'sf-alpha-4');
  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  await seatBravo(bo, 'sf-bravo-4');

  await bo.getByRole('button', { name: 'Mute Alpha' }).click();
  await expect(bo.getByText(/refused/i)).toBeVisible();
  await expect(ana.getByRole('button', { name: 'Mute Alpha' })).toBeVisible();

  await bo.getByRole('button', { name: 'Mute Bravo' }).click();
  await expect(ana.getByRole('button', { name: 'Unmute Bravo' })).toBeVisible();

  await ana.getByRole('button', { name: 'Make Bo arbiter' }).click();
  await expect(bo.locator('[data-member="Bo"]')).toContainText('arbiter');
  await bo.getByRole('button', { name: 'Mute Alpha' }).click();
  await expect(ana.getByRole('button', { name: 'Unmute Alpha' })).toBeVisible();

  await ana.getByRole('button', { name: 'Remove Bo' }).click();
  await expect(ana.locator('[data-member="Bo"]')).toHaveCount(0);
  // Bo's peer leaves with Bo: nobody's browser would run its turns any more.
  await expect(ana.getByRole('button', { name: /^(Mute|Unmute) Bravo$/ })).toHaveCount(0);
  await expect(status(bo)).not.toHaveAttribute('data-shared-status', 'connected');
});

test('a hostile member: forged authors, oversized messages and writes to the document are refused and logged', async ({
  browser,
}) => {
  await startSync();
  const [ana, bo] = [await person(browser), await person(browser)];
  await openAsOwner(ana, 'sf-alpha-5');
  await ana.getByRole('button', { name: 'Mute Alpha' }).click();
  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  const { room, secret } = roomOfLink(link);
  const eve = new TestClient(currentSync().server.url, { room, secret, name: 'Eve', memberId: 'eve-hostile' });
  try {
    await eve.synced();
    const anaId = await ana.evaluate(() => {
      const fragment = new URLSearchParams(location.hash.slice(1)).get('join') ?? '';
      const stored = localStorage.getItem(`peerchat:member:${fragment.split('.')[0]}`);
      return stored ? (JSON.parse(stored) as { memberId: string }).memberId : '';
    });
    expect(anaId).not.toBe('');
    const forged = { type: 'human-message', messageId: 'forged', text: 'FORGED by Eve', sender: { memberId: anaId } };
    expect(await eve.intent('forged', forged)).toMatchObject({ t: 'refused', reason: expect.stringMatching(/sender/) });
    eve.send({
      t: 'intent',
      id: 'huge',
      body: { type: 'human-message', messageId: 'huge', text: 'x'.repeat(5_000_000) },
    });
    await waitFor('the size refusal', () => currentSync().lines.find((line) => line.event === 'message-refused'));

    const writer = new TestClient(currentSync().server.url, { room, secret, name: 'Mal', memberId: 'mal-hostile' });
    await writer.synced();
    writer.provider.document
      .getArray('log')
      .push([{ type: 'title-set', title: 'WRITTEN by Mal', id: 'w', lamport: 999, at: 0 }]);
    await waitFor('the write refusal', () => currentSync().lines.find((line) => line.event === 'write-refused'));
    writer.close();

    const reasons = currentSync()
      .lines.filter((line) => line.level === 'warn')
      .map((line) => `${line.event}: ${line.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^message-refused: .*sender/),
        expect.stringMatching(/^message-refused: .*too large/),
        expect.stringMatching(/^write-refused: /),
      ]),
    );
    await send(bo, 'the room is intact');
    for (const page of [ana, bo]) {
      await expect(page.getByText('the room is intact')).toBeVisible();
      await expect(page.getByText('FORGED by Eve')).toHaveCount(0);
      await expect(page.getByText('WRITTEN by Mal')).toHaveCount(0);
    }
  } finally {
    eve.close();
  }
});
