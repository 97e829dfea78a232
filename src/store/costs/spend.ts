/**
 * What a conversation has cost: per message, per peer, per round and in all, live while turns stream. A finished
 * turn counts the provider's usage; a streaming one is an estimate (its output from the text so far, about four
 * characters a token, and its input from the request the core built) until its final usage replaces it. Every
 * turn is priced at the prices in force now (the user's overrides over the catalog), so an edited price changes
 * the figures at once; a turn of a model without prices keeps the cost recorded when it finished, if any.
 */
import type { ModelOverrides } from '../../adapters/index.ts';
import { estimateTokens } from '../../core/index.ts';
import type { PeerSeat, RoomState, TranscriptMessage } from '../types.ts';
import { turnCost } from './prices.ts';

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
  if (message.kind !== 'peer') return null;
  if (message.tokens) {
    const usage = { inputTokens: message.tokens.input, outputTokens: message.tokens.output };
    const priced = seat ? turnCost(seat, usage, overrides) : undefined;
    return { ...usage, costUsd: priced ?? message.costUsd ?? null, estimated: false };
  }
  if (message.status !== 'streaming') return null;
  const usage = { inputTokens: liveInputTokens ?? 0, outputTokens: estimateTokens(message.text) };
  return { ...usage, costUsd: (seat ? turnCost(seat, usage, overrides) : undefined) ?? null, estimated: true };
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

/** Every turn of the conversation (all versions: a regenerated reply was paid for too), summed three ways. */
export function conversationSpend({ messages, peers, modelOverrides, liveInputTokens }: SpendInput): ConversationSpend {
  const total = emptySpend();
  const byPeer = new Map<string, PeerSpend>(
    peers.map((seat) => [seat.id, { ...emptySpend(), peerId: seat.id, name: seat.displayName, colour: seat.colour }]),
  );
  const rounds = new Map<string, { spend: Spend; startedAt: number }>();
  const seats = new Map(peers.map((seat) => [seat.id, seat]));
  for (const message of Object.values(messages)) {
    const turn = messageSpend(message, seats.get(message.authorId), modelOverrides, liveInputTokens[message.id]);
    if (turn === null) continue;
    addTo(total, turn);
    let peer = byPeer.get(message.authorId);
    if (!peer) {
      peer = { ...emptySpend(), peerId: message.authorId, name: message.authorId, colour: undefined };
      byPeer.set(message.authorId, peer);
    }
    addTo(peer, turn);
    if (message.roundId === undefined) continue;
    const round = rounds.get(message.roundId) ?? { spend: emptySpend(), startedAt: message.createdAt };
    round.startedAt = Math.min(round.startedAt, message.createdAt);
    addTo(round.spend, turn);
    rounds.set(message.roundId, round);
  }
  const byRound = [...rounds.entries()]
    .sort(([, a], [, b]) => a.startedAt - b.startedAt)
    .map(([roundId, { spend }], index) => ({ ...spend, roundId, number: index + 1 }));
  return { total, byPeer: [...byPeer.values()], byRound };
}

/**
 * A `conversationSpend` selector that computes again only when what it reads changed (so components can subscribe
 * to it: the same input gives the same object).
 */
export function createSpendSelector(): (state: SpendInput) => ConversationSpend {
  let last: { input: SpendInput; spend: ConversationSpend } | undefined;
  return (state) => {
    if (
      last &&
      last.input.messages === state.messages &&
      last.input.peers === state.peers &&
      last.input.modelOverrides === state.modelOverrides &&
      last.input.liveInputTokens === state.liveInputTokens
    )
      return last.spend;
    const input = {
      messages: state.messages,
      peers: state.peers,
      modelOverrides: state.modelOverrides,
      liveInputTokens: state.liveInputTokens,
    };
    last = { input, spend: conversationSpend(input) };
    return last.spend;
  };
}
