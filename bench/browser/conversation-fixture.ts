/**
 * A 10,000-message conversation as a PeerChat JSON file. Built the way the store builds one (src/store/facilitator.ts):
 * each human message goes to the core's arbiter, each turn it starts becomes a peer message whose reply goes back
 * through `outcomeFromReply`, so messages, reasons, rounds and the event log are the real thing. Only the replies
 * are canned: Markdown of varied length with lists, quotes, tables, inline code and fenced code blocks, and now and
 * then a mention of another peer or a PASS. Deterministic: the same file every run.
 */
import {
  BUILT_IN_MODES,
  arbiterPeersFromRoster,
  createArbiter,
  outcomeFromReply,
  parseMentions,
  reduceArbiter,
} from '../../src/core/index.ts';
import type { ArbiterEffect, ArbiterInput, ArbiterState, CoreEvent, Roster } from '../../src/core/index.ts';
import type { PeerSeat, RoomData, TranscriptMessage } from '../../src/core/index.ts';
import { snapshotOf } from '../../src/formats/conversation/snapshot.ts';
import { toPeerChatJson } from '../../src/formats/conversation/peerchat-json.ts';
import { benchPeers } from './streaming-fixture.ts';

const COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#65a30d'];
const START = Date.UTC(2025, 0, 6, 9, 0, 0);

function benchRoom(): RoomData {
  const peers: PeerSeat[] = benchPeers().map((peer, index) => ({
    kind: 'peer',
    id: `peer-${index + 1}-${peer.handle}`,
    handle: peer.handle,
    aliases: [],
    displayName: peer.name,
    provider: peer.provider,
    model: peer.model,
    settings: { contextWindow: 200_000, maxOutputTokens: 4096 },
    dap: {},
    enabled: true,
    colour: COLOURS[index]!,
  }));
  return {
    name: 'Storage engine design review',
    human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
    peers,
    modeId: 'collaborative',
    customModes: [],
    limits: {},
    seed: 20250106,
  };
}

const TOPICS = ['the write-ahead log', 'checkpointing', 'the page cache', 'compaction', 'backups', 'replication'];
const SENTENCES = [
  'The trade-off depends on the write pattern, so measure before changing the defaults.',
  'With many small writes the log grows quickly, and a checkpoint every few seconds keeps readers fast.',
  'A full disk halfway through a checkpoint leaves the old pages intact; the log still holds every commit.',
  'Readers never block writers here, but a long-running reader can hold the log open and keep it growing.',
  'I would keep the batch size adaptive: start small, double while latency stays under the target, halve on a spike.',
  'The benchmark numbers only hold if the fsync policy matches production, which it currently does not.',
  'Compaction can run in the background as long as it yields between segments and respects the I/O budget.',
];

const CODE_BLOCKS = [
  '```ts\nexport async function checkpoint(db: Db, limit = 1000): Promise<number> {\n  const pages = await db.dirtyPages(limit);\n  for (const page of pages) await db.writeBack(page);\n  await db.fsync();\n  return pages.length;\n}\n```',
  "```sql\nPRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\nPRAGMA wal_autocheckpoint = 1000;\nSELECT * FROM pragma_wal_checkpoint('TRUNCATE');\n```",
  '```python\ndef compact(segments, budget):\n    for segment in sorted(segments, key=lambda s: s.garbage_ratio, reverse=True):\n        if budget.exhausted():\n            break\n        segment.rewrite()\n        budget.spend(segment.size)\n```',
];

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

function paragraph(n: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) => pick(SENTENCES, n + i * 3)).join(' ');
}

/** A peer reply of 200 to 2,000 characters; its shape cycles through the Markdown a model writes. */
function peerReply(n: number, roster: Roster, selfIndex: number): string {
  if (n % 53 === 0) return 'PASS';
  const topic = pick(TOPICS, n);
  const parts = [`On ${topic}: ${paragraph(n, 1 + (n % 3))}`];
  switch (n % 6) {
    case 0:
      parts.push(`1. Measure \`fsync\` latency first.\n2. ${pick(SENTENCES, n + 1)}\n3. Then revisit **${topic}**.`);
      break;
    case 1:
      parts.push(pick(CODE_BLOCKS, n));
      break;
    case 2:
      parts.push(
        `> ${pick(SENTENCES, n + 2)}\n\nThat quote is the crux; see [the notes](https://example.com/notes/${n}).`,
      );
      break;
    case 3:
      parts.push(
        `| setting | now | proposed |\n| --- | --- | --- |\n| batch | 64 | adaptive |\n| checkpoint | 1000 pages | 4 MB |\n| sync | FULL | NORMAL |`,
      );
      break;
    case 4:
      parts.push(
        `- ${pick(SENTENCES, n + 3)}\n- ${pick(SENTENCES, n + 4)}\n  - nested: use \`O_DIRECT\` only for the log`,
      );
      break;
    default:
      parts.push(paragraph(n + 5, 2));
  }
  // Now and then a peer hands over to another (the arbiter turns it into a peer-mention turn, up to its depth limit).
  if (n % 9 === 4)
    parts.push(`@${roster.peers[(selfIndex + 1 + (n % 7)) % roster.peers.length]!.handle} what do you think?`);
  return parts.join('\n\n');
}

function humanText(n: number, roster: Roster): string {
  const question = `Question ${n}: ${pick(SENTENCES, n + 5)} What would you change about ${pick(TOPICS, n + 1)}?`;
  if (n % 5 === 0) return `@all ${question}`;
  if (n % 5 === 1) return `@${pick(roster.peers, n).handle} ${question}`;
  return question;
}

export interface LargeConversation {
  json: string;
  messages: number;
  events: number;
  peers: number;
  /** Messages by kind and status, and how many carry a fenced code block. */
  humanMessages: number;
  codeBlocks: number;
  passed: number;
}

/** Generates the conversation with exactly `count` messages on its path. */
export function largeConversation(count = 10_000): LargeConversation {
  const room = benchRoom();
  const roster: Roster = { human: room.human, peers: room.peers };
  const mode = BUILT_IN_MODES.find((candidate) => candidate.id === room.modeId)!;
  let clock = START;
  const now = () => (clock += 7_000 + (clock % 13) * 1_000);
  const first = createArbiter({
    seed: room.seed,
    humanId: room.human.id,
    peers: arbiterPeersFromRoster(roster),
    mode: { id: mode.id, defaults: mode.defaults },
    limits: room.limits,
    at: now(),
  });
  let arbiter: ArbiterState = first.state;
  const events: CoreEvent[] = [...first.events];
  const messages: Record<string, TranscriptMessage> = {};
  const messageIds: string[] = [];
  const pending: Extract<ArbiterEffect, { type: 'start-turn' }>[] = [];
  const step = (input: ArbiterInput) => {
    const next = reduceArbiter(arbiter, input);
    arbiter = next.state;
    events.push(...next.events);
    for (const effect of next.effects) if (effect.type === 'start-turn') pending.push(effect);
  };
  const add = (message: TranscriptMessage) => {
    const parentId = messageIds.at(-1);
    messages[message.id] = parentId === undefined ? message : { ...message, parentId };
    messageIds.push(message.id);
  };
  const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

  let n = 0;
  while (messageIds.length < count) {
    if (pending.length === 0) {
      const text = humanText(n, roster);
      const messageId = id(++n);
      add({
        id: messageId,
        kind: 'human',
        authorId: room.human.id,
        text,
        status: 'complete',
        modeId: mode.id,
        createdAt: now(),
      });
      step({
        type: 'human-message',
        at: clock,
        messageId,
        mentions: parseMentions(text, roster, { authorId: room.human.id }),
      });
      continue;
    }
    const turn = pending.shift()!;
    const selfIndex = roster.peers.findIndex((peer) => peer.id === turn.peerId);
    const messageId = id(++n);
    const tokens = { input: 2_000 + messageIds.length * 40, output: 150 + (n % 400) };
    const { text, outcome } = outcomeFromReply(peerReply(n, roster, selfIndex), roster, turn.peerId, messageId, {
      tokens,
    });
    const total = 1_500 + (n % 20) * 400;
    add({
      id: messageId,
      kind: 'peer',
      authorId: turn.peerId,
      text,
      status: outcome.status === 'passed' ? 'passed' : 'complete',
      modeId: turn.modeId,
      roundId: turn.roundId,
      turnId: turn.turnId,
      reason: turn.reason,
      tokens,
      stopReason: 'stop',
      latencyMs: { firstToken: 400 + (n % 7) * 50, total },
      createdAt: now(),
    });
    step({ type: 'turn-finished', at: clock, turnId: turn.turnId, outcome });
  }
  // The last message must be a visible reply (a PASS is hidden unless "Show passes" is on).
  const lastId = messageIds.at(-1)!;
  const last = messages[lastId]!;
  if (last.status === 'passed') messages[lastId] = { ...last, status: 'complete', text: paragraph(n, 3) };

  const snapshot = snapshotOf(
    { ...room, messageIds: messageIds.slice(0, count), messages, events },
    { id: 'bench-large-conversation', title: room.name },
  );
  const shown = snapshot.messages;
  return {
    json: toPeerChatJson(snapshot),
    messages: shown.length,
    events: snapshot.events.length,
    peers: room.peers.length,
    humanMessages: shown.filter((message) => message.kind === 'human').length,
    codeBlocks: shown.filter((message) => message.text.includes('```')).length,
    passed: shown.filter((message) => message.status === 'passed').length,
  };
}
