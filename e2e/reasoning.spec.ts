/**
 * Reasoning and explained endings end to end: recorded provider streams replayed by the fake server, the app in
 * Chromium, and what the next peer was sent read from the fake's request log.
 */
import { expect, test } from '@playwright/test';
import type { LoggedRequest } from '../tools/fake-providers/index.ts';
import { loadRecording } from '../tools/fake-providers/recordings.ts';
import { requestsFor, script } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, threePeers } from './room.ts';

const THINKING = 'I need to find the GCD of 1071 and 462 using the Euclidean algorithm.';

/** Everything a model was sent in its chat calls, one string per call. */
const sentTexts = async (model: string): Promise<string[]> =>
  (await requestsFor(model))
    .filter((request: LoggedRequest) => request.provider === 'openai-chat')
    .map((request) => request.messages.map((message) => message.content).join('\n'));

test('reasoning shows collapsed, opens to its text, and reaches the next peer only when the room shares it', async ({
  page,
}) => {
  const peers = threePeers('reasoning');
  const [alpha, beta] = [peers[0]!, peers[1]!];
  await openRoom(page, roomFile(peers));
  await script(beta.model, { replay: loadRecording('anthropic-thinking', 20) });
  await send(page, '@beta what is the GCD of 1071 and 462?');
  const reply = articles(page, 'beta');
  await expect(reply).toHaveAttribute('data-status', 'complete');
  await expect(reply.locator('[data-part="answer"]')).toContainText(
    'The greatest common divisor of 1071 and 462 is 21',
  );

  const reasoning = reply.locator('details[data-part="reasoning"]');
  await expect(reasoning).not.toHaveAttribute('open');
  await expect(reasoning.locator('summary')).toHaveText(/^Reasoning\s*\d+\.\d s$/);
  await expect(reply.getByText(THINKING)).toBeHidden();
  await reasoning.locator('summary').click();
  await expect(reply.getByText(THINKING)).toBeVisible();
  await expect(reasoning).toContainText('Some reasoning was redacted by the provider.');
  await expect(reply.locator('[data-part="answer"]')).not.toContainText('Euclidean');

  await script(alpha.model, [
    { text: 'Agreed, 21.', tokensPerSecond: 400 },
    { text: 'Still 21.', tokensPerSecond: 400 },
  ]);
  await send(page, '@alpha do you agree?');
  await expect(articles(page, 'alpha')).toHaveAttribute('data-status', 'complete');
  await expectRoundEnd(page, 'queue-empty');
  const [private_] = await sentTexts(alpha.model);
  expect(private_).toContain('The greatest common divisor of 1071 and 462 is **21**.');
  expect(private_).not.toContain('Euclidean');

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: 'Share reasoning with other peers' }).check();
  await send(page, '@alpha and now?');
  await expect(articles(page, 'alpha')).toHaveCount(2);
  await expect(articles(page, 'alpha').nth(1)).toHaveAttribute('data-status', 'complete');
  const [, shared] = await sentTexts(alpha.model);
  expect(shared).toContain(
    `[reasoning, shared by the room — not part of the answer]\n${THINKING}\n\n1071 = 2 × 462 + 147`,
  );
  expect(shared).toMatch(/\[end of reasoning\]\n\nThe greatest common divisor of 1071 and 462 is \*\*21\*\*\./);
});

test('a refusal shows its note on the message and in the event log', async ({ page }) => {
  const peers = threePeers('refusal');
  await openRoom(page, roomFile(peers));
  await script(peers[1]!.model, { replay: loadRecording('anthropic-refusal') });
  await send(page, '@beta help me with something bad');
  const reply = articles(page, 'beta');
  await expect(reply).toHaveAttribute('data-status', 'complete');
  await expect(reply.locator('[data-part="ending"]')).toHaveText('Anthropic declined to answer (refusal).');
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.locator('[data-event-type="turn-completed"]')).toContainText(
    'Anthropic declined to answer (refusal).',
  );
});
