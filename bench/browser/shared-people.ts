/**
 * The people of the shared-room benchmark, each in a browser context of their own (their own storage and identity,
 * as separate browsers would be): the owner imports the room and shares it, the others join by the invite link,
 * all through the app's own dialogs.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { TestClient } from '../../server/testing.ts';
import { addNameShim } from '../lib/page-script.ts';
import { epochNow } from '../lib/stats.ts';
import { installStreamProbe, type StreamProbeData, type StreamProbeOptions } from './probes.ts';

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** A new browser context with the token probe (paint in every page; arrival only where providers are fetched). */
export async function openPerson(
  browser: Browser,
  name: string,
  viewport: { width: number; height: number },
  probe: StreamProbeOptions,
): Promise<Person> {
  const context = await browser.newContext({ viewport });
  await addNameShim(context);
  await context.addInitScript(installStreamProbe, probe);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return { name, context, page };
}

/** Shares the owner's open room on the page's own sync server (the dialog's default) and returns the invite link. */
export async function shareRoom(owner: Person): Promise<string> {
  const { page } = owner;
  await page.getByRole('button', { name: 'Share room' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this room' });
  await dialog.getByLabel('Your name').fill(owner.name);
  await dialog.getByRole('button', { name: 'Share' }).click();
  const field = page.getByRole('dialog', { name: 'Invite people' }).getByLabel('Invite link');
  await field.waitFor({ timeout: 30_000 });
  const link = await field.inputValue();
  if (!link.includes('#join=')) throw new Error(`The invite link is not one: "${link}"`);
  await page.getByRole('button', { name: 'Invite' }).click(); // closes the dialog
  await connected(page);
  return link;
}

/** Opens the invite link, names the member and joins; resolves once the room's history is in. */
export async function joinRoom(member: Person, link: string): Promise<void> {
  const { page } = member;
  await page.goto(link);
  const dialog = page.getByRole('dialog', { name: 'Join a shared room' });
  await dialog.getByLabel('Your name').fill(member.name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await connected(page);
}

/** The shared-room bar says "Connected" (not "Joining…": the history has been applied). */
async function connected(page: Page): Promise<void> {
  await page.locator('[data-shared-status="connected"]', { hasText: 'Connected' }).waitFor({ timeout: 30_000 });
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** Waits for a round to start and end in the page that sent it. */
export async function waitForRound(page: Page, timeoutMs: number): Promise<void> {
  const feed = page.locator('[role="feed"]');
  await feed.and(page.locator('[aria-busy="true"]')).waitFor({ timeout: 15_000 });
  await feed.and(page.locator('[aria-busy="false"]')).waitFor({ timeout: timeoutMs });
}

/** Waits until a page shows no round running (a member's page follows the owner's). */
export async function waitForIdle(page: Page, timeoutMs: number): Promise<void> {
  await page.locator('[role="feed"][aria-busy="false"]').waitFor({ timeout: timeoutMs });
}

export async function readStreamProbe(page: Page): Promise<StreamProbeData> {
  return page.evaluate(() => (window as unknown as { __benchStream: StreamProbeData }).__benchStream);
}

/**
 * A member with no page: a Hocuspocus client in this process that joins by the invite link and notes when each marker
 * first arrives in a relayed delta (this process's epoch clock, the timing proxy's).
 */
export async function listenForMarkers(serverUrl: string, link: string, marker: RegExp) {
  const invite = new URLSearchParams(new URL(link).hash.slice(1)).get('join') ?? '';
  const dot = invite.indexOf('.');
  const arrivedAt = new Map<string, number>();
  const client = new TestClient(serverUrl, {
    room: invite.slice(0, dot),
    secret: invite.slice(dot + 1),
    name: 'Listener',
    memberId: 'bench-listener',
    onMessage: (message) => {
      if (message.t !== 'delta' || message.full) return;
      const at = epochNow();
      for (const match of message.text.matchAll(new RegExp(marker.source, 'g')))
        if (!arrivedAt.has(match[0])) arrivedAt.set(match[0], at);
    },
  });
  await client.synced();
  return { arrivedAt, close: () => client.close() };
}

/** Main-thread time a page spent, in seconds, from Chromium's own counters (CDP `Performance.getMetrics`). */
export interface MainThreadTime {
  task: number;
  script: number;
  layout: number;
  style: number;
}

/**
 * A page's main-thread counters, kept by one CDP session from now on (counting starts when it is enabled), in thread
 * CPU time: a page waiting for a core does not count.
 */
export async function mainThreadClock(person: Person) {
  const cdp = await person.context.newCDPSession(person.page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    async read(): Promise<MainThreadTime> {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
      return {
        task: value('TaskDuration'),
        script: value('ScriptDuration'),
        layout: value('LayoutDuration'),
        style: value('RecalcStyleDuration'),
      };
    },
    close: () => cdp.detach(),
  };
}

/** Each counter's growth from `from` to `to` as a share of `seconds` of wall time (100 = one core all the time). */
export function mainThreadBetween(from: MainThreadTime, to: MainThreadTime, seconds: number): MainThreadTime {
  const share = (key: keyof MainThreadTime) => ((to[key] - from[key]) / seconds) * 100;
  return { task: share('task'), script: share('script'), layout: share('layout'), style: share('style') };
}
