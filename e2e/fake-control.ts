/** Drives the fake-provider server (started by the global setup) over its HTTP control API. */
import type { LoggedRequest, ScriptedReply } from '../tools/fake-providers';

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

/** Polls the request log until the predicate holds (the server sees a close a moment after the client). */
export async function waitForRequests(
  model: string,
  predicate: (requests: LoggedRequest[]) => boolean,
  timeoutMs = 5000,
): Promise<LoggedRequest[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const requests = await requestsFor(model);
    if (predicate(requests) || Date.now() > deadline) return requests;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
