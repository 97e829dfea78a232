/**
 * Synthetic conversations for the core benchmark: 8 peers with realistic context windows, a human message every
 * ninth message, peer replies of a few hundred characters with Markdown, code and the occasional mention.
 */
import type { Message, PeerParticipant, Roster } from '../src/core/index.ts';

const SEATS: [handle: string, displayName: string, contextWindow: number][] = [
  ['claude', 'Claude', 200_000],
  ['gpt', 'GPT', 128_000],
  ['gemini', 'Gemini', 1_000_000],
  ['llama', 'Llama', 8_192],
  ['mistral', 'Mistral', 32_000],
  ['deepseek', 'DeepSeek', 64_000],
  ['grok', 'Grok', 128_000],
  ['qwen', 'Qwen', 32_000],
];

/** The benchmark room: one human, 8 peers. */
export function benchRoster(): Roster {
  const peers: PeerParticipant[] = SEATS.map(([handle, displayName, contextWindow]) => ({
    kind: 'peer',
    id: `peer-${handle}`,
    handle,
    aliases: [],
    displayName,
    provider: 'demo',
    model: `${handle}-large`,
    settings: { contextWindow, maxOutputTokens: 2048, temperature: 0.7 },
    dap: {},
    enabled: true,
  }));
  return { human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'Ana' }, peers };
}

const PARAGRAPH =
  'The trade-off depends on the write pattern. With many small writes the WAL grows quickly, and a checkpoint ' +
  'every few seconds keeps readers fast; with few large writes it barely matters. ';

/** A peer reply of about 600 characters; every fifth one mentions another peer, some carry code. */
export function peerReply(n: number, roster: Roster): string {
  const other = roster.peers[(n + 3) % roster.peers.length]!;
  const mention = n % 5 === 0 ? `@${other.handle} what do you think about the checkpoint interval? ` : '';
  const code = n % 7 === 0 ? '\n```sql\nPRAGMA journal_mode=WAL; -- @not_a_mention\n```\n' : '';
  return `${mention}${PARAGRAPH}${code}${PARAGRAPH}${PARAGRAPH}`.slice(0, 600 + code.length);
}

/** A human message of about 150 characters. */
export function humanText(n: number): string {
  return `Thanks. Question ${n}: what happens when the disk is full halfway through a checkpoint? Keep it short.`;
}

/** A transcript of `count` messages: human every 9th, peers in seat order in between. */
export function benchTranscript(count: number, roster: Roster): Message[] {
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const human = i % 9 === 0;
    const peer = roster.peers[i % roster.peers.length]!;
    messages.push({
      id: `m${i}`,
      kind: human ? 'human' : 'peer',
      authorId: human ? roster.human.id : peer.id,
      text: human ? humanText(i) : peerReply(i, roster),
      status: i % 97 === 0 && !human ? 'passed' : 'complete',
      createdAt: i,
    });
  }
  return messages;
}
