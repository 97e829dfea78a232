/**
 * Shared rooms end to end: the real sync server (started here on a free port, with a temporary data folder, serving
 * the e2e build) and two or three browser contexts, each a different person with keys of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { LogLine } from '../server/log.ts';
import { createSyncServer } from '../server/sync-server.ts';
import { keyFingerprint } from '../tools/fake-providers/index.ts';
import { fakeUrl, requestsFor, script, waitForRequests } from './fake-control.ts';
import { articles, send } from './room.ts';

const ANA_KEY = 'ana-private-openai-key-4f9e1c';
const BO_KEY = 'bo-private-anthropic-key-7a2d5b';

interface Sync {
  server: Awaited<ReturnType<typeof createSyncServer>>;
  dataDir: string;
  lines: LogLine[];
}

async function startSync(options: { dataDir?: string; port?: number; ownerGoneMs?: number } = {}): Promise<Sync> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'peerchat-e2e-sync-'));
  const lines: LogLine[] = [];
  const server = await createSyncServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    dataDir,
    staticDir: 'dist-e2e',
    ownerGoneMs: options.ownerGoneMs ?? 30_000,
    log: (line) => lines.push(line),
  });
  return { server, dataDir, lines };
}

let sync: Sync;
const contexts: BrowserContext[] = [];

test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await sync.server.close();
  rmSync(sync.dataDir, { recursive: true, force: true });
});

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** The owner's room: one OpenAI peer on Ana's key, at the fake providers. */
function anaRoom(model: string): string {
  return JSON.stringify({
    format: 'peerchat.room',
    version: 1,
    name: 'Shared e2e room',
    mode: 'collaborative',
    peers: [
      {
        handle: 'alpha',
        name: 'Alpha',
        provider: 'openai',
        model,
        baseURL: `${fakeUrl()}/v1`,
        apiKey: ANA_KEY,
        contextWindow: 100000,
      },
    ],
  });
}

async function openAsOwner(page: Page, model: string): Promise<void> {
  await page.goto(`${sync.server.url}/`);
  await page
    .getByLabel('Import room')
    .setInputFiles({ name: 'room.json', mimeType: 'application/json', buffer: Buffer.from(anaRoom(model)) });
  await expect(page.getByRole('button', { name: 'Mute Alpha' })).toBeVisible();
}

/** Shares the open room as `name` and returns the invite link. */
async function share(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Share room' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this room' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Share' }).click();
  const link = page.getByRole('dialog', { name: 'Invite people' }).getByLabel('Invite link');
  await expect(link).toHaveValue(/#join=/);
  const value = await link.inputValue();
  await page.getByRole('button', { name: 'Invite' }).click();
  return value;
}

async function joinAs(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  const dialog = page.getByRole('dialog', { name: 'Join a shared room' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[data-shared-status="connected"]')).toBeVisible();
}

/** Bo seats Bravo, an Anthropic peer on Bo's own key. */
async function seatBravo(page: Page, model: string): Promise<void> {
  await page.getByRole('tab', { name: 'Providers' }).click();
  await page.getByLabel('Anthropic API key', { exact: true }).fill(BO_KEY);
  await page.getByLabel('Anthropic base URL', { exact: true }).fill(fakeUrl());
  await page.getByRole('tab', { name: 'Room' }).click();
  await page.getByRole('button', { name: 'Add peer' }).click();
  const form = page.getByRole('form', { name: 'New peer' });
  await form.getByLabel('Display name').fill('Bravo');
  await form.getByLabel('Handle').fill('bravo');
  await form.getByLabel('Provider').selectOption('anthropic');
  await form.getByRole('combobox', { name: 'Model' }).fill(model);
  await form.getByRole('button', { name: 'Add peer' }).click();
  await expect(page.getByRole('button', { name: 'Mute Bravo' })).toBeVisible();
}

/** Everything a page holds: its HTML, its storage (local and IndexedDB), as one text to search. */
async function everythingIn(page: Page): Promise<string> {
  const storage = await page.evaluate(async () => {
    const local = JSON.stringify({ ...localStorage });
    const databases = await indexedDB.databases();
    const dumps: string[] = [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of db.objectStoreNames) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        dumps.push(JSON.stringify(rows));
      }
      db.close();
    }
    return local + dumps.join('\n');
  });
  return (await page.content()) + storage;
}

test('a person joins by the link, sees the history, and their own peer answers on their own key only', async ({
  browser,
}) => {
  sync = await startSync();
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
  sync = await startSync();
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
