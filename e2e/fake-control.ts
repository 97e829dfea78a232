/** Drives the fake-provider server (started by the global setup) over its HTTP control API. */
import { expect } from '@playwright/test';
import type { LoggedRequest, ScriptedReply } from '../tools/fake-providers/index.ts';

export function fakeUrl(): string {
  const url = process.env.FAKE_PROVIDERS_URL;
  if (!url) throw new Error('FAKE_PROVIDERS_URL is not set: the Playwright global setup did not run.');
  return url;
}

/** Queues replies for a model. Tests run in parallel, so each test uses model names of its own. */
export async function script(model: string, replies: ScriptedReply | ScriptedReply[]): Promise<void> {
  const response = await fetch(`${fakeUrl()}/__control/script`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ [model]: replies }),
  });
  if (!response.ok) throw new Error(`fake script refused: ${await response.text()}`);
}

export async function requestsFor(model: string): Promise<LoggedRequest[]> {
  const response = await fetch(`${fakeUrl()}/__control/requests?model=${encodeURIComponent(model)}`);
  return (await response.json()) as LoggedRequest[];
}

/**
 * Polls the request log until the predicate holds (the server sees a close a moment after the client); throws,
 * naming the condition and what the log held, when it still does not after `timeoutMs`.
 */
export async function waitForRequests(
  model: string,
  predicate: (requests: LoggedRequest[]) => boolean,
  timeoutMs = 5000,
): Promise<LoggedRequest[]> {
  let requests: LoggedRequest[] = [];
  try {
    await expect.poll(async () => predicate((requests = await requestsFor(model))), { timeout: timeoutMs }).toBe(true);
  } catch (error) {
    const log = requests.map((request) => `${request.provider}${request.clientClosed ? ' (client closed)' : ''}`);
    throw new Error(
      `The fake server's log for ${model} still does not satisfy ${String(predicate).replace(/\s+/g, ' ')} after ` +
        `${timeoutMs} ms; it holds ${requests.length} request(s): ${log.join(', ') || 'none'}.`,
      { cause: error },
    );
  }
  return requests;
}
