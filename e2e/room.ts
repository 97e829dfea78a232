/** Helpers for end-to-end tests of the room: a room file pointing at the fake providers, and page actions. */
import { expect, type Page } from '@playwright/test';
import { fakeUrl } from './fake-control.ts';

export interface TestPeer {
  handle: string;
  name: string;
  provider: 'openai' | 'anthropic' | 'google' | 'openai-compatible';
  model: string;
}

/** Three peers on three wire formats; model names carry a per-test prefix so parallel tests don't share scripts. */
export function threePeers(prefix: string): TestPeer[] {
  return [
    { handle: 'alpha', name: 'Alpha', provider: 'openai', model: `${prefix}-alpha` },
    { handle: 'beta', name: 'Beta', provider: 'anthropic', model: `${prefix}-beta` },
    { handle: 'gamma', name: 'Gamma', provider: 'google', model: `${prefix}-gamma` },
  ];
}

export function roomFile(peers: TestPeer[], extra: Record<string, unknown> = {}): string {
  const url = fakeUrl();
  return JSON.stringify({
    format: 'peerchat.room',
    version: 1,
    name: 'E2E room',
    mode: 'collaborative',
    peers: peers.map((peer) => ({
      handle: peer.handle,
      name: peer.name,
      provider: peer.provider,
      model: peer.model,
      baseURL: peer.provider === 'openai' || peer.provider === 'openai-compatible' ? `${url}/v1` : url,
      apiKey: `test-key-${peer.provider}`,
      contextWindow: 100000,
    })),
    ...extra,
  });
}

/** Opens the app and replaces the room with `file` through the "Import room" input (accepting the confirmation). */
export async function openRoom(page: Page, file: string): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/');
  await page
    .getByLabel('Import room')
    .setInputFiles({ name: 'room.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByRole('button', { name: 'Mute Alpha' })).toBeVisible();
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

export function articles(page: Page, author: string) {
  return page.locator(`article[data-author="${author}"]`);
}

/**
 * Waits for the round to end with `reason`. A round streams several replies and may wait out retries (1 s, then
 * 2 s), so it gets 15 s rather than expect's 5 s; pass `timeout` for rounds that stream even more.
 */
export async function expectRoundEnd(page: Page, reason: string, options: { timeout?: number } = {}): Promise<void> {
  await expect(page.locator('[data-round-end]')).toHaveAttribute('data-round-end', reason, {
    timeout: options.timeout ?? 15_000,
  });
}
