/**
 * Helpers for shared-room end-to-end tests: the real sync server, started by the test on a free port with a temporary
 * data folder and serving the e2e build, and people, each a browser context of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { LogLine } from '../server/log.ts';
import { createSyncServer } from '../server/sync-server.ts';
import { fakeUrl } from './fake-control.ts';

export const ANA_KEY = 'ana-private-openai-key-4f9e1c';
export const BO_KEY = 'bo-private-anthropic-key-7a2d5b';

export interface Sync {
  server: Awaited<ReturnType<typeof createSyncServer>>;
  dataDir: string;
  lines: LogLine[];
}

interface SyncOptions {
  ownerGoneMs?: number;
}

export async function startSync(options: SyncOptions = {}): Promise<Sync> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerchat-e2e-sync-'));
  sync = await listen(dataDir, 0, [], options);
  return sync;
}

/** Stops the server and starts it again on the same port and data folder, as after a crash or an upgrade. */
export async function restartSync(options: SyncOptions = {}): Promise<Sync> {
  const { server, dataDir, lines } = currentSync();
  await server.close();
  sync = await listen(dataDir, server.port, lines, options);
  return sync;
}

async function listen(dataDir: string, port: number, lines: LogLine[], options: SyncOptions): Promise<Sync> {
  const server = await createSyncServer({
    host: '127.0.0.1',
    port,
    dataDir,
    staticDir: 'dist-e2e',
    ownerGoneMs: options.ownerGoneMs ?? 30_000,
    log: (line) => lines.push(line),
  });
  return { server, dataDir, lines };
}

let sync: Sync | null = null;
const contexts: BrowserContext[] = [];

/** The test's server (started by `startSync`). */
export const currentSync = (): Sync => {
  if (!sync) throw new Error('Start the sync server first (startSync).');
  return sync;
};

/** Closes the people's browsers and the server, and removes its data folder: call it in `test.afterEach`. */
export async function closeShared(): Promise<void> {
  for (const context of contexts.splice(0)) await context.close();
  if (!sync) return;
  await sync.server.close();
  rmSync(sync.dataDir, { recursive: true, force: true });
  sync = null;
}

export async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** The owner's room: one OpenAI peer on Ana's key, at the fake providers. */
export function anaRoom(model: string): string {
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

export async function openAsOwner(page: Page, model: string): Promise<void> {
  await page.goto(`${currentSync().server.url}/`);
  await page
    .getByLabel('Import room')
    .setInputFiles({ name: 'room.json', mimeType: 'application/json', buffer: Buffer.from(anaRoom(model)) });
  await expect(page.getByRole('button', { name: 'Mute Alpha' })).toBeVisible();
}

/** Shares the open room as `name` and returns the invite link. */
export async function share(page: Page, name: string): Promise<string> {
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

export async function joinAs(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  const dialog = page.getByRole('dialog', { name: 'Join a shared room' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[data-shared-status="connected"]')).toBeVisible();
}

/** Bo seats Bravo, an Anthropic peer on Bo's own key. */
export async function seatBravo(page: Page, model: string): Promise<void> {
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
export async function everythingIn(page: Page): Promise<string> {
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

/** A TCP proxy in front of the sync server whose connections the test can cut, as a network drop would. */
export async function cuttableProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    /** Drops every connection and refuses new ones until `restore`. */
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The invite link with another sync server address (a proxy in front of the real one). */
export function throughServer(link: string, syncUrl: string): string {
  const url = new URL(link);
  const params = new URLSearchParams(url.hash.slice(1));
  params.set('server', syncUrl);
  url.hash = params.toString();
  return url.toString();
}

/** The room id and secret an invite link carries. */
export function roomOfLink(link: string): { room: string; secret: string } {
  const join = new URLSearchParams(new URL(link).hash.slice(1)).get('join') ?? '';
  const dot = join.indexOf('.');
  return { room: join.slice(0, dot), secret: join.slice(dot + 1) };
}
