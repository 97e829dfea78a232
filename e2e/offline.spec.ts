/**
 * Installable and offline: the built app's manifest, and its service worker. After one visit, a reload with no
 * network opens the app, its stored conversations, and an answer from the demo peers (which run in the page).
 */
import { expect, test } from '@playwright/test';
import { fakeUrl } from './fake-control.ts';
import { articles, send } from './room.ts';
import { newestStoredConversation } from './stored.ts';

test.use({ serviceWorkers: 'allow' });

test('the app has a web app manifest with installable icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: 'PeerChat', display: 'standalone', start_url: '/' });
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await request.get(`/${icon.src}`);
    expect(response.headers()['content-type']).toBe('image/png');
  }
});

test('after one visit, an offline reload opens the app and the conversations stored in this browser', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await send(page, '@all what should we remember offline?');
  await expect(articles(page, 'you')).toHaveCount(1);
  await expect(page.locator('article[data-status="complete"][data-reason]').first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => (await newestStoredConversation(page))?.messages.length ?? 0).toBeGreaterThan(1);
  const title = (await page.locator('header span[title]').getAttribute('title'))!;
  // The service worker registers after the first frame, precaches the app, and takes over from the next load.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  // A provider request made while online...
  const providerUrl = `${fakeUrl()}/v1/models`;
  const fetchStatus = (url: string) =>
    page.evaluate(
      (target) =>
        fetch(target, { headers: { authorization: 'Bearer test-key-openai' } }).then(
          (response) => response.status,
          () => 'failed',
        ),
      url,
    );
  expect(await fetchStatus(providerUrl)).toBe(200);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(articles(page, 'you')).toContainText('what should we remember offline?');
  await expect(page.getByRole('navigation', { name: 'Conversations' }).getByText(title)).toBeVisible();

  // ...is not answered from any cache once offline: provider requests always go to the network.
  expect(await fetchStatus(providerUrl)).toBe('failed');

  // Writing works offline too: the demo peers answer in the page, and the Markdown renderer came from the cache.
  await send(page, '@all still here?');
  await expect(articles(page, 'you')).toHaveCount(2);
  await expect(
    page.locator('article[data-status="complete"][data-reason] .markdown p:not(.whitespace-pre-wrap)').last(),
  ).toBeVisible({
    timeout: 15_000,
  });
});
