/**
 * Sessions that end: "End conversation" stops the reply being written (connection closed, text kept), logs the
 * completion, leaves the conversation read-only, and its MPLP bundle ends with the real MAPSessionCompleted.
 */
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { script, waitForRequests } from './fake-control.ts';
import { readDownload } from './hostile.ts';
import { articles, openRoom, roomFile, send, threePeers } from './room.ts';

test('End conversation stops what runs, records the completion and leaves the conversation read-only', async ({
  page,
}) => {
  const peers = threePeers('endsession');
  await openRoom(page, roomFile(peers));
  await script(peers[0]!.model, { tokens: 2_000, tokensPerSecond: 20 });
  await send(page, '@alpha a long answer, please');
  const alpha = articles(page, 'alpha');
  await expect(alpha).toContainText(/\w+ \w+/);

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'End conversation' }).click();
  await expect(alpha).toHaveAttribute('data-status', 'interrupted');
  const logged = await waitForRequests(peers[0]!.model, (log) => log.some((request) => request.clientClosed));
  expect(logged.find((request) => request.provider === 'openai-chat')?.clientClosed).toBe(true);
  await expect(alpha.locator('[data-part="answer"]')).toContainText(/\w+ \w+/);

  await expect(page.getByRole('button', { name: 'Conversation ended' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await expect(page.getByRole('alert').filter({ hasText: 'This conversation has ended' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop all' })).toHaveCount(0);

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export MPLP bundle' }).click(),
  ]);
  const bundle = unzipSync(new Uint8Array(await readDownload(file)));
  const json = (name: string): unknown => {
    const entry = Object.entries(bundle).find(([path]) => path === name || path.endsWith(`/${name}`));
    if (!entry) throw new Error(`${name} is not in the bundle: ${Object.keys(bundle).join(', ')}`);
    return JSON.parse(Buffer.from(entry[1]).toString('utf8'));
  };
  const events = json('map-events.json') as {
    event_type: string;
    payload: Record<string, unknown>;
  }[];
  expect(events.at(-1)).toMatchObject({ event_type: 'MAPSessionCompleted', payload: { status: 'completed' } });
  expect(events.at(-1)?.payload).not.toHaveProperty('synthesized');
  const collab = json('collab.json') as { status: string };
  expect(collab.status).toBe('completed');

  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('list', { name: 'Event log' })).toContainText('Session completed');
});
