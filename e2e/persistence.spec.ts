/** Conversations survive a reload: the built app in Chromium, IndexedDB, and the fake providers. */
import { expect, test } from '@playwright/test';
import { articles, openRoom, roomFile, send, threePeers } from './room.ts';
import { newestStoredConversation } from './stored.ts';

test('a reload mid-stream brings the partial reply back, marked interrupted', async ({ page }) => {
  const peers = threePeers('reload');
  await openRoom(page, roomFile(peers));
  const { script } = await import('./fake-control.ts');
  await script(peers[0]!.model, { tokens: 400, tokensPerSecond: 25 });
  await send(page, '@alpha tell me everything');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'streaming');
  await expect(articles(page, 'alpha')).toContainText(/(\w+\s+){6}/);
  // Autosave writes at most every 400 ms: wait until it has written some of the reply, remember what was on screen,
  // then reload.
  await expect
    .poll(async () => {
      const reply = (await newestStoredConversation(page))?.messages.find((message) => message.kind === 'peer');
      return reply?.text.trim().split(/\s+/).length ?? 0;
    })
    .toBeGreaterThan(3);
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

test('a long conversation opens newest first after a reload, and once read, all of it is there and exported', async ({
  page,
}) => {
  const { largeConversation } = await import('../bench/browser/conversation-fixture.ts');
  const fixture = largeConversation(400);
  const original = JSON.parse(fixture.json) as { conversation: { messages: { text: string }[]; events: unknown[] } };
  await page.goto('/');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page
    .getByLabel('Import conversation')
    .setInputFiles({ name: 'long.peerchat.json', mimeType: 'application/json', buffer: Buffer.from(fixture.json) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  // Autosave has written all of it (it writes at most every 400 ms).
  await expect.poll(async () => (await newestStoredConversation(page))?.messages.length).toBe(fixture.messages);

  await page.reload();
  const last = page.locator(`article[aria-posinset="${fixture.messages}"]`);
  await expect(last).toBeVisible();
  await expect(last).toContainText(original.conversation.messages.at(-1)!.text.split('\n')[0]!.slice(0, 40));

  // The export waits for nothing and leaves nothing out: every message and event of the file.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 2_000 }),
      page.getByRole('button', { name: 'Export PeerChat JSON' }).click(),
    ]);
    const exported = JSON.parse(await streamToText(await file.createReadStream())) as typeof original;
    expect(exported.conversation.messages.map((message) => message.text)).toEqual(
      original.conversation.messages.map((message) => message.text),
    );
    expect(exported.conversation.events.length).toBeGreaterThanOrEqual(original.conversation.events.length);
  }).toPass({ timeout: 10_000 });

  // Scrolling back reaches the first message.
  const feed = page.getByRole('feed', { name: 'Transcript' });
  await expect(async () => {
    await feed.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(page.locator('article[aria-posinset="1"]')).toContainText(
      original.conversation.messages[0]!.text.slice(0, 30),
      { timeout: 500 },
    );
  }).toPass({ timeout: 10_000 });
});

async function streamToText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
