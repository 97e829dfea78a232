/**
 * Helpers for the fault matrix: the four wire formats a room file can select, reading the transcript as the user
 * sees it, waiting for autosave, and checking that a reload brings every message back unchanged.
 */
import { expect, type Page } from '@playwright/test';
import type { LoggedRequest, Provider } from '../tools/fake-providers/index.ts';
import { requestsFor } from './fake-control.ts';
import type { TestPeer } from './room.ts';
import { newestStoredConversation } from './stored.ts';

export interface WireFormat {
  id: 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini';
  provider: TestPeer['provider'];
  /** The provider's name in the app's messages. */
  label: string;
  /** What the fake server logs the request as. */
  logged: Provider;
  /** A model id that selects this format. */
  model: (name: string) => string;
  /** The default first-token timeout this model gets (src/adapters/runtime/policy.ts). */
  firstTokenMs: number;
}

/**
 * The Responses API is chosen by model id (`needsResponsesApi` in src/adapters/providers/openai/model-traits.ts):
 * `computer-use*` models go there and, unlike `*codex*` or `o3-pro`, are not reasoning models, so they keep the 60 s
 * first-token timeout. The other model names match no special pattern.
 */
export const FORMATS: readonly WireFormat[] = [
  {
    id: 'openai-chat',
    provider: 'openai',
    label: 'OpenAI',
    logged: 'openai-chat',
    model: (name) => `${name}-chat`,
    firstTokenMs: 60_000,
  },
  {
    id: 'openai-responses',
    provider: 'openai',
    label: 'OpenAI',
    logged: 'openai-responses',
    model: (name) => `computer-use-${name}`,
    firstTokenMs: 60_000,
  },
  {
    id: 'anthropic',
    provider: 'anthropic',
    label: 'Anthropic',
    logged: 'anthropic',
    model: (name) => `${name}-claude`,
    firstTokenMs: 60_000,
  },
  {
    id: 'gemini',
    provider: 'google',
    label: 'Google Gemini',
    logged: 'gemini',
    model: (name) => `${name}-gem`,
    firstTokenMs: 60_000,
  },
];

export function formatById(id: WireFormat['id']): WireFormat {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`no wire format ${id}`);
  return format;
}

export function peerOn(format: WireFormat, handle: string, modelName: string): TestPeer {
  return {
    handle,
    name: handle.charAt(0).toUpperCase() + handle.slice(1),
    provider: format.provider,
    model: format.model(modelName),
  };
}

/** Calls a model really received (CORS preflights and model lists left out). */
export async function callsTo(model: string): Promise<LoggedRequest[]> {
  return (await requestsFor(model)).filter(
    (request) => request.provider !== 'preflight' && request.provider !== 'models',
  );
}

/** One transcript message as the user sees it. */
export interface ShownMessage {
  author: string | null;
  status: string | null;
  reason: string | null;
  body: string;
  error: string | null;
}

export async function shownTranscript(page: Page): Promise<ShownMessage[]> {
  return page.locator('article[data-author]').evaluateAll((nodes) =>
    nodes.map((node) => {
      const error = [...node.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Error: '));
      return {
        author: node.getAttribute('data-author'),
        status: node.getAttribute('data-status'),
        reason: node.getAttribute('data-reason'),
        body: (node.querySelector('.markdown') as HTMLElement | null)?.innerText.trim() ?? '',
        error: error?.textContent?.slice('Error: '.length) ?? null,
      };
    }),
  );
}

export function articleOf(page: Page, handle: string) {
  return page.locator(`article[data-author="${handle}"]`);
}

/** The error line of a peer's message, without its "Error: " label. */
export async function errorTextOf(page: Page, handle: string, nth = 0): Promise<string> {
  const line = articleOf(page, handle)
    .nth(nth)
    .locator('p', { hasText: /^Error: / });
  await expect(line).toHaveCount(1);
  return (await line.innerText()).replace(/^Error: /, '');
}

/**
 * One or two plain sentences: no JSON, no class names or stack frames, no "undefined", no key. `secrets` are the
 * keys the room was given.
 */
export function expectPlainLanguage(text: string, secrets: readonly string[]): void {
  expect(text.length, `error text: ${text}`).toBeGreaterThan(10);
  expect(text.length, `error text: ${text}`).toBeLessThan(400);
  expect(text, 'starts as a sentence').toMatch(/^[A-Z“"]/);
  expect(text, 'no JSON').not.toMatch(/[{}]|\\"|":/);
  expect(text, 'no internals').not.toMatch(
    /undefined|null|\[object|TypeError|APIError|ApiError|Exception|:\d+:\d+\)?$|\bat \S+ \(/m,
  );
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** What autosave last wrote for the newest conversation: each shown message's status, and the round's end. */
async function savedConversation(page: Page): Promise<{ statuses: string[]; lastRoundEnd: string | null } | null> {
  const stored = await newestStoredConversation(page);
  return stored && { statuses: stored.messages.map((message) => message.status), lastRoundEnd: stored.lastRoundEnd };
}

/** Waits until autosave has written what the page shows (it writes at most every 400 ms). */
export async function waitUntilSaved(page: Page, shown: readonly ShownMessage[], roundEnd: string): Promise<void> {
  const expected = { statuses: shown.map((message) => message.status ?? ''), lastRoundEnd: roundEnd };
  await expect.poll(() => savedConversation(page), { timeout: 5_000 }).toEqual(expected);
}

/**
 * Reloads once autosave has caught up, and checks that every message came back in order with the same author,
 * status, text and error, and the same round-end reason.
 */
export async function expectSameAfterReload(page: Page): Promise<ShownMessage[]> {
  const roundEnd = await page.locator('[data-round-end]').getAttribute('data-round-end');
  expect(roundEnd, 'the round has ended before the reload').not.toBeNull();
  const before = await shownTranscript(page);
  expect(before.some((message) => message.status === 'streaming')).toBe(false);
  await waitUntilSaved(page, before, roundEnd!);
  await page.reload();
  await expect(page.locator('[data-round-end]')).toHaveAttribute('data-round-end', roundEnd!);
  await expect(page.locator('article[data-author]')).toHaveCount(before.length);
  // Bodies render as plain text until the markdown renderer has loaded; compare once it has settled.
  await expect.poll(() => shownTranscript(page)).toEqual(before);
  return before;
}

/**
 * Records every retry notice ("Rate limited by OpenAI — retrying in 1 s") the page ever renders, with the author
 * of the message it sat on. A notice lasts only as long as the wait, so it is caught by a MutationObserver installed
 * before the app starts rather than by polling. Call before `page.goto`.
 */
export async function recordRetryNotices(page: Page): Promise<() => Promise<{ author: string; text: string }[]>> {
  await page.addInitScript(() => {
    const seen = new Map<string, { author: string; text: string }>();
    (window as unknown as { __retryNotices: typeof seen }).__retryNotices = seen;
    new MutationObserver(() => {
      for (const line of document.querySelectorAll('article[data-author] p')) {
        const text = line.textContent ?? '';
        if (!text.includes('retrying in')) continue;
        const author = line.closest('article')?.getAttribute('data-author') ?? '';
        seen.set(`${author}\n${text}`, { author, text });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () =>
    page.evaluate(() => [
      ...(
        window as unknown as { __retryNotices: Map<string, { author: string; text: string }> }
      ).__retryNotices.values(),
    ]);
}
