/**
 * What a conversation has cost: per message, per peer, per round and in all, live while turns stream. A finished
 * turn counts the provider's usage; a streaming one is an estimate (its output from the text so far, about four
 * characters a token, and its input from the request the core built) until its final usage replaces it. Every
 * turn is priced at the prices in force now (the user's overrides over the catalog), so an edited price changes
 * the figures at once; a turn of a model without prices keeps the cost recorded when it finished, if any.
 */
import { costOf } from '../../adapters/index.ts';
import type { ModelOverrides, ModelPricing } from '../../adapters/index.ts';
import { estimateTokens } from '../../core/index.ts';
import type { RoomEvent } from '../../core/index.ts';
import type { PeerSeat, RoomState, TranscriptMessage } from '../types.ts';
import { pricingOf } from './prices.ts';

export interface MessageSpend {
  inputTokens: number;
  outputTokens: number;
  /** USD; null when the model's prices are unknown. */
  costUsd: number | null;
  /** True while the turn streams: the figures are estimates. */
  estimated: boolean;
}

/** A sum of turns. */
export interface Spend {
  inputTokens: number;
  outputTokens: number;
  /** USD of the priced turns. */
  costUsd: number;
  /** True when a streaming turn's estimate is part of it. */
  estimated: boolean;
  turns: number;
  /** Turns whose cost is unknown (their model has no prices): `costUsd` leaves them out. */
  unpricedTurns: number;
}

export interface PeerSpend extends Spend {
  peerId: string;
  name: string;
  colour: string | undefined;
}

export interface RoundSpend extends Spend {
  roundId: string;
  /** 1 for the conversation's first round. */
  number: number;
}

export interface ConversationSpend {
  total: Spend;
  /** The seats in order (those that have not spoken too), then authors no longer seated who spent something. */
  byPeer: PeerSpend[];
  /** The rounds in the order they began. */
  byRound: RoundSpend[];
}

export type SpendInput = Pick<RoomState, 'messages' | 'peers' | 'modelOverrides' | 'liveInputTokens'>;

/** What the selector also reads to know when finished turns may have changed (each does so through a room event). */
export type SpendState = SpendInput & Pick<RoomState, 'conversationId' | 'log' | 'logLamport' | 'olderMessagesPending'>;

/**
 * A peer message's tokens and cost: the provider's usage once the turn finished, an estimate while it streams,
 * null for other messages and for turns that ended without usage.
 */
export function messageSpend(
  message: TranscriptMessage,
  seat: Pick<PeerSeat, 'provider' | 'model'> | undefined,
  overrides: ModelOverrides,
  liveInputTokens?: number,
): MessageSpend | null {
  return spendAt(message, seat ? pricingOf(seat, overrides) : undefined, liveInputTokens);
}

/** `messageSpend` at prices already looked up (a conversation looks them up once per seat, not per message). */
function spendAt(
  message: TranscriptMessage,
  pricing: ModelPricing | undefined,
  liveInputTokens: number | undefined,
): MessageSpend | null {
  if (message.kind !== 'peer') return null;
  if (message.tokens) {
    const usage = { inputTokens: message.tokens.input, outputTokens: message.tokens.output };
    return { ...usage, costUsd: costOf(usage, pricing) ?? message.costUsd ?? null, estimated: false };
  }
  if (message.status !== 'streaming') return null;
  const usage = { inputTokens: liveInputTokens ?? 0, outputTokens: estimateTokens(message.text) };
  return { ...usage, costUsd: costOf(usage, pricing), estimated: true };
}

function emptySpend(): Spend {
  return { inputTokens: 0, outputTokens: 0, costUsd: 0, estimated: false, turns: 0, unpricedTurns: 0 };
}

function addTo(sum: Spend, turn: MessageSpend): void {
  sum.inputTokens += turn.inputTokens;
  sum.outputTokens += turn.outputTokens;
  sum.costUsd += turn.costUsd ?? 0;
  sum.estimated ||= turn.estimated;
  sum.turns += 1;
  if (turn.costUsd === null) sum.unpricedTurns += 1;
}

/** A sum being built: totals per peer and per round, and when each round began. */
interface Tally {
  total: Spend;
  byPeer: Map<string, PeerSpend>;
  byRound: Map<string, RoundSpend & { startedAt: number }>;
}

function tallyFor(peers: readonly PeerSeat[]): Tally {
  return {
    total: emptySpend(),
    byPeer: new Map(
      peers.map((seat) => [seat.id, { ...emptySpend(), peerId: seat.id, name: seat.displayName, colour: seat.colour }]),
    ),
    byRound: new Map(),
  };
}

/** Adds a turn to the tally (its sums are the tally's own: they are changed in place). */
function count(tally: Tally, message: TranscriptMessage, turn: MessageSpend): void {
  addTo(tally.total, turn);
  let peer = tally.byPeer.get(message.authorId);
  if (!peer) {
    peer = { ...emptySpend(), peerId: message.authorId, name: message.authorId, colour: undefined };
    tally.byPeer.set(message.authorId, peer);
  }
  addTo(peer, turn);
  if (message.roundId === undefined) return;
  let round = tally.byRound.get(message.roundId);
  if (!round) {
    round = { ...emptySpend(), roundId: message.roundId, number: 0, startedAt: message.createdAt };
    tally.byRound.set(message.roundId, round);
  }
  round.startedAt = Math.min(round.startedAt, message.createdAt);
  addTo(round, turn);
}

function summary(tally: Tally): ConversationSpend {
  const byRound = [...tally.byRound.values()]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map(({ startedAt: _startedAt, ...round }, index) => ({ ...round, number: index + 1 }));
  return { total: tally.total, byPeer: [...tally.byPeer.values()], byRound };
}

/** The finished turns (every version: a regenerated reply was paid for too), counted into a tally. */
function finishedTally({ messages, peers, modelOverrides }: Omit<SpendInput, 'liveInputTokens'>): Tally {
  const tally = tallyFor(peers);
  const prices = new Map(peers.map((seat) => [seat.id, pricingOf(seat, modelOverrides)]));
  // The hot loop of a long conversation: nothing is allocated per message.
  const turn: MessageSpend = { inputTokens: 0, outputTokens: 0, costUsd: null, estimated: false };
  for (const message of Object.values(messages)) countFinished(tally, message, prices, turn);
  return tally;
}

/** Counts a finished turn with usage (others count nothing), priced at `prices`, reusing `turn`. */
function countFinished(
  tally: Tally,
  message: TranscriptMessage,
  prices: ReadonlyMap<string, ModelPricing | undefined>,
  turn: MessageSpend,
): void {
  if (message.kind !== 'peer' || message.status === 'streaming' || !message.tokens) return;
  const pricing = prices.get(message.authorId);
  turn.inputTokens = message.tokens.input;
  turn.outputTokens = message.tokens.output;
  turn.costUsd = pricing
    ? (turn.inputTokens * pricing.inputPricePerMTok + turn.outputTokens * pricing.outputPricePerMTok) / 1_000_000
    : (message.costUsd ?? null);
  count(tally, message, turn);
}

function finishedSpend(input: Omit<SpendInput, 'liveInputTokens'>): ConversationSpend {
  return summary(finishedTally(input));
}

/**
 * The finished turns' sums with the estimates of the turns streaming now (those the turn runner is running:
 * `liveInputTokens` names them) added; the same object when none streams.
 */
function withStreaming(finished: ConversationSpend, input: SpendInput): ConversationSpend {
  const streaming = Object.keys(input.liveInputTokens)
    .map((id) => input.messages[id])
    .filter((message) => message?.status === 'streaming');
  if (streaming.length === 0) return finished;
  // Copies: the finished sums stay as they are for the next frame.
  const tally: Tally = {
    total: { ...finished.total },
    byPeer: new Map(finished.byPeer.map((peer) => [peer.peerId, { ...peer }])),
    // Rounds keep their order; a round that began with a streaming turn began after them all.
    byRound: new Map(finished.byRound.map((round) => [round.roundId, { ...round, startedAt: round.number }])),
  };
  const seats = new Map(input.peers.map((seat) => [seat.id, seat]));
  for (const message of streaming) {
    if (!message) continue;
    const turn = messageSpend(
      message,
      seats.get(message.authorId),
      input.modelOverrides,
      input.liveInputTokens[message.id],
    );
    if (turn === null) continue;
    count(tally, message.roundId !== undefined && !tally.byRound.has(message.roundId) ? later(message) : message, turn);
  }
  return summary(tally);
}

/** A streaming message of a new round, placed after every round already summed. */
function later(message: TranscriptMessage): TranscriptMessage {
  return { ...message, createdAt: Number.MAX_SAFE_INTEGER };
}

/** Every turn of the conversation, finished or streaming, summed per peer, per round and in all. */
export function conversationSpend(input: SpendInput): ConversationSpend {
  return withStreaming(finishedSpend(input), input);
}

/**
 * A `conversationSpend` selector for components: the same input gives the same object. The finished turns are summed
 * once (for a conversation, its seats and prices, once its older messages are in); after that, each room event adds
 * only the turns it finished, so a turn ending in a conversation of 100,000 messages costs no more than in one of
 * ten. Streaming estimates are added on top, frame by frame.
 */
export function createSpendSelector(): (state: SpendState) => ConversationSpend {
  let finished:
    | { key: readonly unknown[]; tally: Tally; lamport: number; prices: Map<string, ModelPricing | undefined> }
    | undefined;
  let finishedSpendNow: ConversationSpend | undefined;
  let last: { finished: ConversationSpend; messages: unknown; live: unknown; spend: ConversationSpend } | undefined;
  const turn: MessageSpend = { inputTokens: 0, outputTokens: 0, costUsd: null, estimated: false };
  return (state) => {
    const key = [state.conversationId, state.olderMessagesPending, state.peers, state.modelOverrides];
    const since =
      finished && key.every((part, index) => part === finished!.key[index]) ? newEvents(state, finished.lamport) : null;
    if (!finished || since === null) {
      const prices = new Map(state.peers.map((seat) => [seat.id, pricingOf(seat, state.modelOverrides)]));
      finished = { key, tally: finishedTally(state), lamport: state.logLamport, prices };
      finishedSpendNow = summary(finished.tally);
    } else if (since.length > 0) {
      for (const event of since)
        if (event.type === 'turn-finished' && event.messageId !== undefined) {
          const message = state.messages[event.messageId];
          if (message) countFinished(finished.tally, message, finished.prices, turn);
        }
      finished.lamport = state.logLamport;
      finishedSpendNow = summary(finished.tally);
    }
    const spend = finishedSpendNow!;
    if (last?.finished === spend && last.messages === state.messages && last.live === state.liveInputTokens)
      return last.spend;
    const withLive = withStreaming(spend, state);
    last = { finished: spend, messages: state.messages, live: state.liveInputTokens, spend: withLive };
    return withLive;
  };
}

/**
 * The room events after `lamport`, when the log in the state holds all of them; null when it does not (another
 * log, or one that starts later), and the sums must be made again.
 */
function newEvents(state: Pick<RoomState, 'log' | 'logLamport'>, lamport: number): readonly RoomEvent[] | null {
  if (state.logLamport === lamport) return [];
  const index = state.log.findIndex((event) => event.lamport > lamport);
  if (index < 0) return null;
  if (index === 0 && state.log[0]!.lamport !== lamport + 1) return null;
  return state.log.slice(index);
}
