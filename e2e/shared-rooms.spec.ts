/**
 * Shared rooms end to end: the real sync server (started here on a free port, with a temporary data folder, serving
 * the e2e build) and two or three browser contexts, each a different person with keys of their own.
 */
import { expect, test, type Page } from '@playwright/test';
import { keyFingerprint } from '../tools/fake-providers/index.ts';
import { requestsFor, script, waitForRequests } from './fake-control.ts';
import { articles, send } from './room.ts';
import {
  ANA_KEY,
  BO_KEY,
  closeShared,
  everythingIn,
  joinAs,
  openAsOwner,
  person,
  seatBravo,
  share,
  startSync,
} from './shared-room.ts';

test.afterEach(closeShared);

test('a person joins by the link, sees the history, and their own peer answers on their own key only', async ({
  browser,
}) => {
  await startSync();
  const ana = await person(browser);
  const bo = await person(browser);
  const seen: string[] = [];
  bo.on('request', (request) =>
    seen.push(`${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`),
  );
  bo.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => seen.push(String(frame.payload)));
    socket.on('framesent', (frame) => seen.push(String(frame.payload)));
  });

  await script('shared-alpha-1', { text: 'Alpha says hello before sharing.' });
  await openAsOwner(ana, 'shared-alpha-1');
  await send(ana, '@alpha hello');
  await expect(articles(ana, 'alpha')).toContainText('Alpha says hello before sharing.');

  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  await expect(articles(bo, 'alpha')).toContainText('Alpha says hello before sharing.');
  await expect(bo.locator('article').filter({ hasText: '@alpha hello' })).toBeVisible();

  await seatBravo(bo, 'shared-bravo-1');
  await expect(ana.getByRole('button', { name: 'Mute Bravo' })).toBeVisible();
  await script('shared-bravo-1', { text: 'Bravo answers Ana on Bo’s key.', tokensPerSecond: 40 });
  await send(ana, '@bravo what do you make of this?');
  await expect(articles(ana, 'bravo')).toContainText('Bravo answers Ana on Bo’s key.');
  await expect(articles(bo, 'bravo')).toContainText('Bravo answers Ana on Bo’s key.');
  await expect(ana.locator('article').filter({ hasText: 'what do you make of this' }).first()).toContainText('Ana');

  const requests = await waitForRequests('shared-bravo-1', (logged) => logged.length >= 1);
  expect(requests).toHaveLength(1);
  expect(requests[0]!.keyFingerprint).toBe(keyFingerprint(BO_KEY));
  expect(await requestsFor('shared-alpha-1')).toHaveLength(1);

  // Ana's key is nowhere in Bo's page, storage or traffic; Bo's is nowhere in Ana's.
  expect(await everythingIn(bo)).not.toContain(ANA_KEY);
  expect(seen.join('\n')).not.toContain(ANA_KEY);
  expect(await everythingIn(ana)).not.toContain(BO_KEY);
});

test('messages sent at the same moment by three people get one order on every screen', async ({ browser }) => {
  await startSync();
  const [ana, bo, cy] = [await person(browser), await person(browser), await person(browser)];
  await openAsOwner(ana, 'shared-alpha-2');
  await ana.getByRole('button', { name: 'Mute Alpha' }).click();
  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  await joinAs(cy, link, 'Cy');
  await Promise.all([send(ana, 'from Ana'), send(bo, 'from Bo'), send(cy, 'from Cy')]);
  const order = (page: Page) =>
    page
      .locator('article[data-author="you"]')
      .allTextContents()
      .then((all) => all.map((text) => /from (Ana|Bo|Cy)/.exec(text)?.[1]));
  for (const page of [ana, bo, cy])
    await expect.poll(() => order(page).then((names) => names.filter(Boolean).length)).toBe(3);
  const first = await order(ana);
  expect(await order(bo)).toEqual(first);
  expect(await order(cy)).toEqual(first);
});

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

test('files attached by one person, before sharing and after, reach another person’s peer in its own shape', async ({
  browser,
}) => {
  await startSync();
  const ana = await person(browser);
  const bo = await person(browser);
  await script('shared-alpha-files', { text: 'Alpha read the notes.' });
  await openAsOwner(ana, 'shared-alpha-files');
  await ana
    .getByLabel('Attach files')
    .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Ship on Friday.') }]);
  await send(ana, '@alpha read the notes');
  await expect(articles(ana, 'alpha')).toContainText('Alpha read the notes.');

  const link = await share(ana, 'Ana');
  await joinAs(bo, link, 'Bo');
  await seatBravo(bo, 'shared-bravo-files');
  await expect(ana.getByRole('button', { name: 'Mute Bravo' })).toBeVisible();
  await expect(bo.locator('[data-attachment="notes.txt"]')).toBeVisible();

  await script('shared-bravo-files', { text: 'Bravo saw the chart and the notes.' });
  await ana
    .getByLabel('Attach files')
    .setInputFiles([{ name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') }]);
  await expect(ana.getByRole('list', { name: 'Files to send' }).locator('[data-attachment="chart.png"]')).toBeVisible();
  await send(ana, '@bravo compare the chart with the notes');
  await expect(articles(ana, 'bravo')).toContainText('Bravo saw the chart and the notes.');

  const [request] = await waitForRequests('shared-bravo-files', (logged) => logged.length >= 1);
  expect(request!.keyFingerprint).toBe(keyFingerprint(BO_KEY));
  const contents = (request!.body as { messages: { content: unknown }[] }).messages.map((message) => message.content);
  expect(JSON.stringify(contents)).toContain(
    JSON.stringify({ type: 'text', text: '<file name="notes.txt">\nShip on Friday.\n</file>' }),
  );
  expect(JSON.stringify(contents)).toContain(
    JSON.stringify({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } }),
  );
  // Bo's page shows Ana's image from the bytes it fetched from the room's server.
  await expect(bo.locator('article [data-attachment="chart.png"] img')).toBeVisible();
});
