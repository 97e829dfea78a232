/**
 * The council round end to end: three peers on three wire formats (the fake providers), the app in Chromium. What
 * each peer was sent is read from the fake's request log: first answers never see each other, reviews see the
 * others' answers anonymised, and the tally the app shows is the one those reviews add up to.
 */
import { expect, test } from '@playwright/test';
import type { LoggedRequest } from '../tools/fake-providers/index.ts';
import { requestsFor, script } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, threePeers } from './room.ts';

const FACILITATOR = '[PeerChat facilitator';

/** The text of each chat call a model received (its conversation, flattened), in order. */
const sentTexts = async (model: string): Promise<string[]> =>
  (await requestsFor(model))
    .filter((request: LoggedRequest) => request.messages.length > 0)
    .map((request) => request.messages.map((message) => message.content).join('\n'));

/** The facilitator's note at the end of a request. */
const noteOf = (text: string) => text.slice(text.lastIndexOf(FACILITATOR));

test('a council round: independent answers, anonymised reviews, the tally with its dissent, and a synthesis', async ({
  page,
}) => {
  const peers = threePeers('council');
  const [alpha, beta, gamma] = [peers[0]!, peers[1]!, peers[2]!];
  const answers = {
    [alpha.model]: 'Working: 6 × 7 = 42, as @beta will say.\nAnswer: 42',
    [beta.model]: 'Multiplying gives 42.\nAnswer: 42',
    [gamma.model]: 'Adding instead gives 41.\nAnswer: 41',
  };
  // Every reviewer votes for its sheet's Response A; the test then works out from what each was sent whose answer
  // that was, so the expected tally follows from the requests, not from the seed.
  for (const peer of peers)
    await script(peer.model, [
      { text: answers[peer.model]!, tokensPerSecond: 400 },
      {
        text: `Checked the arithmetic of ${peer.name}'s pick.\nReason: its working holds.\nVote: Response A`,
        tokensPerSecond: 400,
      },
    ]);
  await script(alpha.model, { text: 'The council answers 42; one peer said 41.', tokensPerSecond: 400 });
  await openRoom(page, roomFile(peers, { council: { strategy: 'council', synthesizer: 'alpha' } }));
  await expect(page.getByRole('combobox', { name: 'Round' })).toHaveValue('council');

  await send(page, 'What is 6 × 7?');
  const card = page.locator('[data-part="council"]');
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expectRoundEnd(page, 'queue-empty', { timeout: 20_000 });

  const sent = Object.fromEntries(
    await Promise.all(peers.map(async (peer) => [peer.name, await sentTexts(peer.model)])),
  );
  // 1. Each first answer was written without the others' (the first call of each model).
  for (const peer of peers) {
    const first = sent[peer.name]![0]!;
    for (const other of peers.filter((candidate) => candidate !== peer))
      expect(first).not.toContain(answers[other.model]!.split('\n')[0]);
    expect(noteOf(first)).toContain('Answer: <your final answer');
  }
  // 2. Each review shows the two other answers, anonymised; whose was "Response A" decides the vote.
  const votedFor: Record<string, string> = {};
  for (const peer of peers) {
    const note = noteOf(sent[peer.name]![1]!);
    expect(note).toMatch(/Response A:[\s\S]*Response B:/);
    expect(note).not.toMatch(/Response C:|Alpha|Beta|Gamma/);
    const first = /Response A:\n(.*)/.exec(note)![1]!;
    votedFor[peer.name] = peers.find((candidate) => answers[candidate.model]!.startsWith(first))!.name;
  }
  const counts = Object.values(votedFor).reduce<Record<string, number>>(
    (tally, name) => ({ ...tally, [name]: (tally[name] ?? 0) + 1 }),
    {},
  );
  // The most votes; a tie goes to the earliest seat.
  const winner = peers
    .map((peer) => peer.name)
    .reduce((best, name) => ((counts[name] ?? 0) > (counts[best] ?? 0) ? name : best));
  const dissenters = peers.filter((peer) => votedFor[peer.name] !== winner).map((peer) => peer.handle);

  // 3. The card shows that tally: the consensus, and each dissent with its one-line reason.
  await expect(card.locator('[data-council="consensus"]')).toContainText(
    `Consensus (${counts[winner]} of 3 votes): ${winner}`,
  );
  await expect(card.locator('[data-council="dissent"]')).toHaveCount(dissenters.length);
  for (const handle of dissenters)
    await expect(card.locator(`[data-council="dissent"][data-peer="${handle}"]`)).toContainText('its working holds.');

  // 4. The synthesis came last, from Alpha, sent every answer anonymised with the consensus.
  const synthesis = articles(page, 'alpha').last();
  await expect(synthesis).toHaveAttribute('data-reason', 'council');
  await expect(synthesis.locator('[data-part="answer"]')).toHaveText('The council answers 42; one peer said 41.');
  const synthesisNote = noteOf(sent.Alpha![2]!);
  expect(synthesisNote).toMatch(/Response A:[\s\S]*Response B:[\s\S]*Response C:/);
  expect(synthesisNote).toMatch(/Consensus: Response [ABC]/);

  // The Events tab records the tally.
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByText(/^Council tallied: consensus @/)).toBeVisible();
});

test('a majority vote asks each peer once; Stop all ends a council before its reviews', async ({ page }) => {
  const peers = threePeers('vote');
  await openRoom(page, roomFile(peers));
  for (const peer of peers)
    await script(peer.model, { text: peer.handle === 'gamma' ? 'Answer: 41' : 'Answer: 42', tokensPerSecond: 400 });
  await page.getByRole('combobox', { name: 'Round' }).selectOption('vote');
  await send(page, 'What is 6 × 7?');
  const card = page.locator('[data-part="council"][data-strategy="vote"]');
  await expect(card.locator('[data-council="consensus"]')).toContainText(
    'Consensus (2 of 3 answers): Alpha, Beta — 42',
  );
  await expect(card.locator('[data-council="dissent"][data-peer="gamma"]')).toContainText('answered: 41');
  await expectRoundEnd(page, 'queue-empty');
  for (const peer of peers) expect(await sentTexts(peer.model)).toHaveLength(1);
  // The picker went back to the room's default (turn-taking) after that message.
  await expect(page.getByRole('combobox', { name: 'Round' })).toHaveValue('turns');

  // A slow council: Stop all while the first peer is still answering.
  for (const peer of peers)
    await script(peer.model, { text: 'Thinking slowly about it. '.repeat(40), tokensPerSecond: 20 });
  await page.getByRole('combobox', { name: 'Round' }).selectOption('council');
  await send(page, 'And 7 × 8?');
  await expect(articles(page, 'alpha').last()).toHaveAttribute('data-status', 'streaming');
  await page.getByRole('button', { name: 'Stop all' }).click();
  await expectRoundEnd(page, 'stopped-by-human');
  await expect(articles(page, 'alpha').last()).toHaveAttribute('data-status', 'interrupted');
  await expect(page.locator('[data-part="council"]')).toHaveCount(1);
  for (const peer of peers.slice(1)) expect(await sentTexts(peer.model)).toHaveLength(1);
});
