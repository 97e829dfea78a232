/**
 * A simulated driver for the arbiter (tests and benchmarks): it feeds inputs, keeps the event log, tracks the
 * turns the arbiter started, and reports their results back, the way the store will.
 */
import { createArbiter, reduceArbiter } from '../arbiter/reduce.ts';
import type { ArbiterConfig } from '../arbiter/reduce.ts';
import type { ArbiterEffect, ArbiterInput, ArbiterState, MentionInput, TurnOutcome } from '../arbiter/types.ts';
import type { CoreEvent } from '../events/types.ts';
import { COLLABORATIVE_MODE } from '../modes/builtin.ts';

export type StartTurn = Extract<ArbiterEffect, { type: 'start-turn' }>;

/** Input without its time: the simulation adds a steadily increasing clock. */
export type SimInput = ArbiterInput extends infer I ? (I extends ArbiterInput ? Omit<I, 'at'> : never) : never;

export class Simulation {
  state: ArbiterState;
  readonly events: CoreEvent[] = [];
  readonly effects: ArbiterEffect[] = [];
  /** Turns started and not yet finished or aborted, in start order. */
  pending: StartTurn[] = [];
  clock = 1000;
  private messageSeq = 0;

  constructor(config: Partial<ArbiterConfig> & Pick<ArbiterConfig, 'peers'>) {
    const step = createArbiter({ seed: 42, humanId: 'human', mode: COLLABORATIVE_MODE, at: this.clock, ...config });
    this.state = step.state;
    this.events.push(...step.events);
  }

  /** Applies one input; returns that step's effects. */
  send(input: SimInput): ArbiterEffect[] {
    this.clock += 10;
    const step = reduceArbiter(this.state, { ...input, at: this.clock } as ArbiterInput);
    this.state = step.state;
    this.events.push(...step.events);
    this.effects.push(...step.effects);
    for (const effect of step.effects) {
      if (effect.type === 'start-turn') this.pending.push(effect);
      if (effect.type === 'abort-turn') this.pending = this.pending.filter((turn) => turn.turnId !== effect.turnId);
    }
    return step.effects;
  }

  /** The human writes a message with these mentions. */
  human(mentions: Partial<MentionInput> = {}): string {
    const messageId = `h${++this.messageSeq}`;
    this.send({ type: 'human-message', messageId, mentions: { peerIds: [], all: false, ...mentions } });
    return messageId;
  }

  /** Finishes the pending turn at `index` (default: the oldest) with `outcome`. */
  finish(
    outcome: Partial<TurnOutcome> & { status?: TurnOutcome['status']; mentions?: Partial<MentionInput> } = {},
    index = 0,
  ): StartTurn {
    const turn = this.pending[index];
    if (turn === undefined) throw new Error('No pending turn');
    this.pending.splice(index, 1);
    const status = outcome.status ?? 'complete';
    const full =
      status === 'complete'
        ? {
            ...outcome,
            status,
            messageId: `reply-${turn.turnId}`,
            mentions: { peerIds: [], all: false, ...outcome.mentions },
          }
        : status === 'error'
          ? { errorReason: 'boom', ...outcome, status }
          : { ...outcome, status };
    this.send({ type: 'turn-finished', turnId: turn.turnId, outcome: full as TurnOutcome });
    return turn;
  }

  /** Finishes turns (oldest first) with `reply` until nothing is pending or `maxTurns` were finished. */
  runUntilIdle(reply: (turn: StartTurn) => Parameters<Simulation['finish']>[0] = () => ({}), maxTurns = 200): void {
    for (let n = 0; n < maxTurns && this.pending.length > 0; n++) this.finish(reply(this.pending[0] as StartTurn));
  }

  eventsOf<T extends CoreEvent['type']>(type: T): Extract<CoreEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<CoreEvent, { type: T }> => event.type === type);
  }

  /** Peer ids of the turns dispatched so far, in order. */
  dispatchedPeers(): string[] {
    return this.eventsOf('turn-dispatched').map((event) => event.peerId);
  }

  /** End reasons of the rounds so far. */
  endReasons(): string[] {
    return this.eventsOf('round-ended').map((event) => event.reason);
  }
}

/** Seats a, b, c, ... (`count` of them) for the arbiter. */
export function seats(count: number): { id: string; enabled: boolean; dap: object }[] {
  return Array.from({ length: count }, (_, i) => ({ id: String.fromCharCode(97 + i), enabled: true, dap: {} }));
}
