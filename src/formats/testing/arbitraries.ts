/**
 * fast-check generators of valid conversation snapshots: every field of the format shows up (optional fields
 * present or absent, never `undefined`), texts include hostile and non-BMP characters, and every id that names a
 * participant names one of the room (so imports accept them).
 */
import fc from 'fast-check';
import { ENDING_KINDS } from '../../core/index.ts';
import type {
  CoreEvent,
  CoreEventBody,
  PeerParticipant,
  RoomData,
  TranscriptMessage,
  TurnReason,
} from '../../core/index.ts';
import type { ConversationSnapshot, FormerPeer } from '../conversation/snapshot.ts';
import { finite, amount, count, time, id, name, text, roomArbitrary } from './room-arbitraries.ts';

function turnReason(messageIds: fc.Arbitrary<string>, peerIds: readonly string[]): fc.Arbitrary<TurnReason> {
  return fc.oneof(
    fc.record({ kind: fc.constant('human-mention' as const), messageId: messageIds }),
    fc.record({ kind: fc.constant('all' as const), messageId: messageIds }),
    fc.record({ kind: fc.constant('dap' as const), probability: finite(0, 1), messageId: messageIds }),
    fc.record({
      kind: fc.constant('peer-mention' as const),
      messageId: messageIds,
      askedBy: fc.constantFrom(...peerIds),
    }),
    fc.record({ kind: fc.constant('human-forced' as const) }),
    fc.record({ kind: fc.constant('retry' as const), replacesMessageId: messageIds }),
    fc.record({
      kind: fc.constant('council' as const),
      stage: fc.constantFrom('answer' as const, 'review' as const, 'synthesis' as const),
      messageId: messageIds,
    }),
  );
}

/** A council round's tally, as the audit log and a council notice carry it. */
function councilTally(peerIds: readonly string[]) {
  const peer = fc.constantFrom(...peerIds);
  return fc.record({
    strategy: fc.constantFrom('vote' as const, 'council' as const),
    consensus: fc.uniqueArray(peer, { maxLength: 3 }),
    answer: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
    votes: fc.dictionary(peer, count, { maxKeys: 3 }),
    dissent: fc.array(fc.record({ peerId: peer, reason: fc.string({ maxLength: 60 }) }), { maxLength: 3 }),
    answered: count,
  });
}

const TURN_ERROR_REASONS = ['bad-key', 'rate-limited', 'network', 'timeout', 'aborted', 'unknown'] as const;

function message(messageId: string, room: RoomData, peerIds: readonly string[]): fc.Arbitrary<TranscriptMessage> {
  const ids = fc.oneof(id, fc.constant(messageId));
  const author = fc.oneof(
    fc.constant({ kind: 'human' as const, authorId: room.human.id }),
    fc.constantFrom(...peerIds).map((authorId) => ({ kind: 'peer' as const, authorId })),
    fc.constant({ kind: 'notice' as const, authorId: '' }),
  );
  return fc
    .record(
      {
        author,
        text,
        status: fc.constantFrom('streaming', 'complete', 'interrupted', 'error', 'passed'),
        errorReason: fc.constantFrom(...TURN_ERROR_REASONS),
        modeId: fc.constantFrom('collaborative', 'adversarial', 'custom-0'),
        roundId: id,
        turnId: id,
        reason: turnReason(ids, peerIds),
        tokens: fc.record({ input: amount, output: amount }),
        costUsd: amount,
        createdAt: time,
        error: fc.record({ reason: fc.constantFrom(...TURN_ERROR_REASONS), message: fc.string({ maxLength: 80 }) }),
        retrying: fc.string({ maxLength: 40 }),
        stopReason: fc.option(fc.constantFrom('stop', 'length', 'max_tokens'), { nil: null }),
        latencyMs: fc.record({ firstToken: fc.option(amount, { nil: null }), total: amount }),
        reasoning: fc.record(
          { text, redacted: fc.boolean(), tokens: amount, durationMs: amount },
          { requiredKeys: ['text'] },
        ),
        ending: fc.record(
          {
            kind: fc.constantFrom(...ENDING_KINDS),
            providerReason: fc.option(fc.constantFrom('refusal', 'content_filter', 'SAFETY', 'length'), { nil: null }),
            refusal: fc.string({ maxLength: 80 }),
          },
          { requiredKeys: ['kind', 'providerReason'] },
        ),
        attachments: fc.array(attachmentRef, { maxLength: 3 }),
        council: fc
          .tuple(id, ids, councilTally(peerIds))
          .map(([roundId, question, tally]) => ({ roundId, messageId: question, ...tally })),
      },
      { requiredKeys: ['author', 'text', 'status', 'createdAt'] },
    )
    .map(({ author: who, ...rest }) => ({ id: messageId, ...who, ...rest }));
}

const attachmentRef = fc.record(
  {
    id: fc.stringMatching(/^[0-9a-f]{64}$/),
    name: fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== ''),
    mimeType: fc.constantFrom('image/png', 'text/plain', 'application/pdf'),
    size: fc.nat(),
    kind: fc.constantFrom('image' as const, 'text' as const, 'pdf' as const),
    width: fc.integer({ min: 1, max: 4096 }),
    height: fc.integer({ min: 1, max: 4096 }),
  },
  { requiredKeys: ['id', 'name', 'mimeType', 'size', 'kind'] },
);

function eventBody(
  room: RoomData,
  participantIds: readonly string[],
  peerIds: readonly string[],
): fc.Arbitrary<CoreEventBody> {
  const anyone = fc.constantFrom(...participantIds);
  const peer = fc.constantFrom(...peerIds);
  const probability = fc.record(
    {
      peerId: peer,
      p: finite(0, 1),
      raw: finite(),
      base: finite(),
      recency: finite(),
      fairness: finite(),
      health: finite(),
      share: finite(),
      // Adapter profiles: events recorded before them lack these fields.
      providerWeight: finite(0, 1),
      adapterHealth: finite(0, 1),
      latency: finite(0, 1),
      sources: fc.record({
        base: fc.constantFrom('user' as const, 'mode' as const),
        providerWeight: fc.constantFrom('user' as const, 'provider-default' as const, 'not-reported' as const),
        recency: fc.constant('turn-history' as const),
        fairness: fc.constant('turn-history' as const),
        health: fc.constant('turn-history' as const),
        adapterHealth: fc.constantFrom('adapter-observed' as const, 'not-reported' as const),
        latency: fc.constantFrom('adapter-observed' as const, 'not-reported' as const),
      }),
    },
    { requiredKeys: ['peerId', 'p', 'raw', 'base', 'recency', 'fairness', 'health', 'share'] },
  );
  return fc.oneof(
    fc.record({ type: fc.constant('session-started' as const), seed: fc.nat(), modeId: fc.constant(room.modeId) }),
    fc.record({
      type: fc.constant('roles-assigned' as const),
      roles: fc.array(
        fc.record({
          participantId: anyone,
          role: fc.constantFrom('human' as const, 'peer' as const),
          enabled: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
    }),
    fc.record({
      type: fc.constant('round-started' as const),
      roundId: id,
      messageId: fc.option(id, { nil: null }),
      trigger: fc.constantFrom('human-message' as const, 'speak-now' as const, 'regenerate' as const),
    }),
    fc.record({
      type: fc.constant('dap-sampled' as const),
      roundId: id,
      probabilities: fc.array(probability, { maxLength: 3 }),
      draws: fc.array(fc.record({ peerId: peer, p: finite(0, 1), u: finite(0, 1), drawn: fc.boolean() }), {
        maxLength: 3,
      }),
      fallback: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('turn-dispatched' as const),
      roundId: id,
      turnId: id,
      peerId: peer,
      reason: turnReason(id, peerIds),
      depth: count,
      modeId: id,
    }),
    fc.record(
      {
        type: fc.constant('turn-completed' as const),
        roundId: id,
        turnId: id,
        peerId: peer,
        status: fc.constantFrom('complete' as const, 'passed' as const, 'error' as const, 'interrupted' as const),
        messageId: id,
        errorReason: fc.string({ maxLength: 20 }),
        tokens: fc.record({ input: amount, output: amount }),
        costUsd: amount,
        latencyMs: amount,
      },
      { requiredKeys: ['type', 'roundId', 'turnId', 'peerId', 'status', 'latencyMs'] },
    ),
    fc.record(
      {
        type: fc.constant('turn-skipped' as const),
        roundId: id,
        peerId: peer,
        reason: fc.constantFrom(
          'muted' as const,
          'depth-limit' as const,
          'removed' as const,
          'preempted-by-human' as const,
        ),
        askedByMessageId: id,
      },
      { requiredKeys: ['type', 'roundId', 'peerId', 'reason'] },
    ),
    fc
      .tuple(id, id, councilTally(peerIds))
      .map(([roundId, messageId, tally]) => ({ type: 'council-tallied' as const, roundId, messageId, ...tally })),
    fc.record({
      type: fc.constant('broadcast-sent' as const),
      roundId: id,
      messageId: id,
      senderId: anyone,
      recipients: fc.array(peer, { maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('broadcast-received' as const),
      roundId: id,
      messageId: id,
      peerId: peer,
      turnId: id,
    }),
    fc.record({ type: fc.constant('mode-changed' as const), from: id, to: id }),
    fc.record(
      {
        type: fc.constant('human-override' as const),
        action: fc.constantFrom(
          'stop-all' as const,
          'mute' as const,
          'set-limits' as const,
          'edit-and-rerun' as const,
          'show-version' as const,
        ),
        peerId: peer,
        messageId: id,
        detail: fc.string({ maxLength: 40 }),
      },
      { requiredKeys: ['type', 'action'] },
    ),
    fc.record({
      type: fc.constant('round-ended' as const),
      roundId: id,
      reason: fc.constantFrom('queue-empty' as const, 'stopped-by-human' as const, 'all-peers-failed' as const),
      turns: count,
    }),
    fc.record({ type: fc.constant('session-completed' as const) }),
  );
}

/** A valid snapshot: passes `parsePeerChatJson`'s schema and reference checks. */
export const snapshotArbitrary: fc.Arbitrary<ConversationSnapshot> = roomArbitrary
  .chain((room) => {
    const formerPeers: FormerPeer[] = [{ id: 'former-1', handle: 'gone', displayName: 'Gone peer' }];
    const peerIds = [...room.peers.map((peer: PeerParticipant) => peer.id), ...formerPeers.map((peer) => peer.id)];
    const participantIds = [room.human.id, ...peerIds];
    return fc.record({
      id,
      title: name,
      createdAt: time,
      updatedAt: time,
      room: fc.constant(room),
      formerPeers: fc.constant(formerPeers),
      messages: fc
        .nat({ max: 8 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, index) => message(`m${index + 1}`, room, peerIds)))),
      events: fc
        .array(fc.tuple(eventBody(room, participantIds, peerIds), fc.integer({ min: 1, max: 5 }), time), {
          maxLength: 12,
        })
        .map((entries) => {
          let lamport = 0;
          return entries.map(([body, step, at]): CoreEvent => ({ ...body, lamport: (lamport += step), at }));
        }),
    });
  })
  .map(ordinaryObjects);

/**
 * fast-check may build records without a prototype; a snapshot built by the app (or read from JSON) has ordinary
 * objects, and strict equality tells the two apart.
 */
function ordinaryObjects<T>(value: T): T {
  if (Array.isArray(value)) return value.map(ordinaryObjects) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, ordinaryObjects(field)])) as T;
  }
  return value;
}
