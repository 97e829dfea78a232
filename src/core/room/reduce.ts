/**
 * The room reducer: applies one room event to the projection. Pure and deterministic: replaying a room's log from
 * its start gives exactly the state it had live (`replayRoom`).
 *
 *   reduceRoom(projection, event) -> { state, effects, refused }
 *
 * `refused` is set (and `state` is the projection unchanged) when the arbiter turned the event down; such an event
 * is not appended to the log. `effects` are what the store must do (start or abort a turn, show a notice).
 */
import { arbiterPeersFromRoster, outcomeFromReply } from '../arbiter/from-roster.ts';
import { withCarriedHistory } from './carried-history.ts';
import {
  councilContribution,
  councilDefaultProblem,
  withCouncilNotices,
  withoutLeftSynthesizer,
} from './council-notes.ts';
import { reduceArbiter } from '../arbiter/reduce.ts';
import type { ArbiterEffect, ArbiterInput, InFlightTurn, TurnOutcome } from '../arbiter/types.ts';
import { parseMentions } from '../mentions/parse.ts';
import { createCustomMode } from '../modes/custom.ts';
import type { ModeDefinition } from '../modes/mode.ts';
import type { RoomEvent, TurnRecord } from './events.ts';
import { modeById, rosterOf, startArbiter, type RoomProjection } from './projection.ts';
import type { PeerSeat, TranscriptMessage } from './types.ts';
import { parentOf, pathThrough } from './versions.ts';
import { cutPathBefore, withMessage } from './path-edits.ts';

/** What the store does after a step: the arbiter's effects, plus notices for the human. */
export type RoomEffect = ArbiterEffect | { type: 'notice'; message: string | null };

export interface RoomStep {
  state: RoomProjection;
  effects: RoomEffect[];
  /** Why the event was turned down (nothing changed), or null. */
  refused: string | null;
}

/** The projection before a conversation starts: `conversation-started` replaces all of it. */
export function emptyProjection(start: Extract<RoomEvent, { type: 'conversation-started' }>): RoomProjection {
  const step = startArbiter(start.room, start.at);
  return {
    ...start.room,
    // Always set, so a projection replacing another never keeps the other's setting.
    shareReasoning: start.room.shareReasoning === true,
    councilDefault: start.room.councilDefault ?? null,
    conversationId: start.conversationId,
    title: start.title,
    messageIds: [],
    messages: {},
    events: step.events,
    arbiter: step.state,
    lastRoundEnd: null,
    ended: false,
    logLamport: start.lamport,
  };
}

export function reduceRoom(state: RoomProjection, event: RoomEvent): RoomStep {
  const step = applyEvent(state, event);
  if (step.refused !== null) return { state, effects: step.effects, refused: step.refused };
  return { ...step, state: { ...step.state, logLamport: event.lamport } };
}

function applyEvent(state: RoomProjection, event: RoomEvent): RoomStep {
  const at = event.at;
  switch (event.type) {
    case 'conversation-started': {
      const started = emptyProjection(event);
      return { state: started, effects: [], refused: null };
    }
    case 'human-message':
      return humanMessage(state, event);
    case 'history-carried': {
      const carried = withCarriedHistory(state, event.messages);
      if (carried === null) return refuse(state, 'History can only be carried into a conversation before it starts.');
      return { state: carried, effects: [], refused: null };
    }
    case 'turn-opened':
      return turnOpened(state, event);
    case 'turn-finished':
      return turnFinished(state, event);
    case 'human-control': {
      const { control } = event;
      if (control.type === 'show-version') {
        if (!state.messages[control.messageId]) return refuse(state, 'That version is no longer in this conversation.');
        return arbiterStep(state, { ...control, at }, (next) => ({
          ...next,
          messageIds: pathThrough(next.messages, control.messageId),
        }));
      }
      if (control.type === 'mute' || control.type === 'unmute') {
        const enabled = control.type === 'unmute';
        return arbiterStep(state, { ...control, at }, (next) => ({
          ...next,
          peers: next.peers.map((peer) => (peer.id === control.peerId ? { ...peer, enabled } : peer)),
        }));
      }
      return arbiterStep(state, { ...control, at });
    }
    case 'mode-set': {
      const mode = modeById(state, event.modeId);
      if (mode.id !== event.modeId) return refuse(state, `Unknown mode "${event.modeId}".`);
      return arbiterStep(state, { type: 'set-mode', at, mode: { id: mode.id, defaults: mode.defaults } }, (next) => ({
        ...next,
        modeId: mode.id,
      }));
    }
    case 'mode-defined':
      return defineMode(state, event.mode, at);
    case 'limits-set':
      return arbiterStep(state, { type: 'set-limits', at, limits: event.limits }, (next) => ({
        ...next,
        limits: { ...next.limits, ...event.limits },
      }));
    case 'dap-set': {
      const withDap = (peer: PeerSeat) =>
        event.peerId === null || peer.id === event.peerId ? { ...peer, dap: { ...peer.dap, ...event.dap } } : peer;
      return arbiterStep(state, { type: 'set-dap', at, peerId: event.peerId, dap: event.dap }, (next) => ({
        ...next,
        peers: next.peers.map(withDap),
      }));
    }
    case 'seats-set': {
      const peers = event.peers;
      const input: ArbiterInput = {
        type: 'set-peers',
        at,
        peers: arbiterPeersFromRoster({ human: state.human, peers }),
      };
      return arbiterStep(state, input, (next) => withoutLeftSynthesizer({ ...next, peers }));
    }
    case 'adapter-profile-set':
      return arbiterStep(state, { type: 'set-adapter-profile', at, peerId: event.peerId, profile: event.profile });
    case 'title-set':
      return { state: { ...state, title: event.title.trim() }, effects: [], refused: null };
    case 'reasoning-sharing-set':
      return { state: { ...state, shareReasoning: event.share }, effects: [], refused: null };
    case 'council-default-set': {
      const problem = councilDefaultProblem(state, event.council);
      if (problem !== null) return refuse(state, problem);
      return { state: { ...state, councilDefault: event.council }, effects: [], refused: null };
    }
  }
}

/**
 * Runs one arbiter input; `update` applies the event's own change to the rest of the projection. An input the
 * arbiter rejects changes nothing.
 */
function arbiterStep(
  state: RoomProjection,
  input: ArbiterInput,
  update: (next: RoomProjection) => RoomProjection = (next) => next,
): RoomStep {
  const step = reduceArbiter(state.arbiter, input);
  const rejected = step.effects.find((effect) => effect.type === 'input-rejected');
  if (rejected) return { state, effects: [rejected], refused: rejected.message };
  const roundEnd = step.effects.findLast((effect) => effect.type === 'round-ended');
  const next: RoomProjection = update({
    ...state,
    arbiter: step.state,
    ended: step.state.ended,
    events: step.events.length > 0 ? [...state.events, ...step.events] : state.events,
    lastRoundEnd: roundEnd ? roundEnd.reason : state.lastRoundEnd,
  });
  // A council's tally shows in the transcript as a notice, after the reply that completed the vote.
  return { state: withCouncilNotices(next, step.events), effects: step.effects, refused: null };
}

/** Adds a custom mode (replacing one with its id), checked as `createCustomMode` checks what the human typed. */
function defineMode(state: RoomProjection, mode: ModeDefinition, at: number): RoomStep {
  const { id, name, version, tagline, promptBlock, defaults } = mode;
  const checked = createCustomMode({ id, name, version, tagline, promptBlock, ...defaults });
  if (!checked.ok) return refuse(state, checked.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  const customModes = [...state.customModes.filter((other) => other.id !== mode.id), checked.mode];
  if (mode.id !== state.modeId) return { state: { ...state, customModes }, effects: [], refused: null };
  // Redefining the mode in force applies its new defaults at once.
  return arbiterStep(state, { type: 'set-mode', at, mode: { id, defaults: checked.mode.defaults } }, (next) => ({
    ...next,
    customModes,
  }));
}

function refuse(state: RoomProjection, message: string): RoomStep {
  return { state, effects: [{ type: 'notice', message }], refused: message };
}

function humanMessage(state: RoomProjection, event: Extract<RoomEvent, { type: 'human-message' }>): RoomStep {
  const cut = event.edits === undefined ? state : cutPathBefore(state, event.edits);
  const mentions = parseMentions(event.text, rosterOf(cut), { authorId: cut.human.id });
  const message: TranscriptMessage = {
    id: event.messageId,
    kind: 'human',
    authorId: cut.human.id,
    ...(event.sender !== undefined ? { sender: event.sender } : {}),
    text: event.text,
    ...(event.attachments !== undefined && event.attachments.length > 0 ? { attachments: event.attachments } : {}),
    status: 'complete',
    modeId: cut.modeId,
    createdAt: event.at,
    ...parentOf(cut.messageIds),
  };
  const input: ArbiterInput = {
    type: 'human-message',
    at: event.at,
    messageId: event.messageId,
    mentions,
    ...(event.edits !== undefined ? { edits: event.edits } : {}),
    ...(event.council !== undefined ? { council: event.council } : {}),
  };
  const step = arbiterStep(cut, input, (next) => withMessage(next, message));
  if (step.refused !== null) return { ...step, state };
  const muted = mentions.mutedPeerIds.map((id) => state.peers.find((peer) => peer.id === id)?.displayName ?? id);
  const notice =
    muted.length > 0 ? `${muted.join(', ')} ${muted.length === 1 ? 'is' : 'are'} muted and will not answer.` : null;
  return { ...step, effects: [{ type: 'notice', message: notice }, ...step.effects] };
}

/** The in-flight turn (a round's or one left running) with this id. */
export function runningTurn(state: Pick<RoomProjection, 'arbiter'>, turnId: string): InFlightTurn | undefined {
  const { round, orphans } = state.arbiter;
  return round?.inFlight.find((turn) => turn.turnId === turnId) ?? orphans.find((turn) => turn.turnId === turnId);
}

function turnOpened(state: RoomProjection, event: Extract<RoomEvent, { type: 'turn-opened' }>): RoomStep {
  const turn = runningTurn(state, event.turnId);
  if (!turn) return refuse(state, `Turn ${event.turnId} is not running.`);
  // A regenerated message is rerun from its place: the new version follows the same message the old one did.
  const base = turn.reason.kind === 'retry' ? cutPathBefore(state, turn.reason.replacesMessageId) : state;
  const message: TranscriptMessage = {
    id: event.messageId,
    kind: 'peer',
    authorId: turn.peerId,
    text: '',
    status: 'streaming',
    modeId: turn.modeId,
    roundId: turn.roundId,
    turnId: turn.turnId,
    reason: turn.reason,
    createdAt: event.at,
    ...parentOf(base.messageIds),
  };
  return { state: withMessage(base, message), effects: [], refused: null };
}

function turnFinished(state: RoomProjection, event: Extract<RoomEvent, { type: 'turn-finished' }>): RoomStep {
  const message = event.messageId === undefined ? undefined : state.messages[event.messageId];
  if (!message) {
    const outcome: TurnOutcome = { status: 'error', errorReason: event.result.error?.reason ?? 'unknown' };
    return arbiterStep(state, { type: 'turn-finished', at: event.at, turnId: event.turnId, outcome });
  }
  const { message: finished, outcome } = finishMessage(state, message, event.result);
  const withContribution =
    outcome.status === 'complete' && finished.reason?.kind === 'council'
      ? { ...outcome, ...councilContribution(state, finished) }
      : outcome;
  const input: ArbiterInput = { type: 'turn-finished', at: event.at, turnId: event.turnId, outcome: withContribution };
  return arbiterStep(state, input, (next) => ({ ...next, messages: { ...next.messages, [finished.id]: finished } }));
}

/** The turn's final message, and what the arbiter needs to know of it. */
function finishMessage(
  state: RoomProjection,
  message: TranscriptMessage,
  result: TurnRecord,
): { message: TranscriptMessage; outcome: TurnOutcome } {
  const spend = {
    ...(result.usage ? { tokens: result.usage } : {}),
    ...(result.costUsd !== undefined ? { costUsd: result.costUsd } : {}),
  };
  // The streamed reasoning was transient, like the streamed text: the event's record replaces it.
  const { retrying: _retrying, reasoning: _streamedReasoning, ...rest } = message;
  const delivered: TranscriptMessage = {
    ...rest,
    ...(result.stopReason !== undefined ? { stopReason: result.stopReason } : {}),
    ...(result.latencyMs !== undefined ? { latencyMs: result.latencyMs } : {}),
    ...(result.reasoning !== undefined ? { reasoning: result.reasoning } : {}),
    ...(result.ending !== undefined && result.status === 'complete' ? { ending: result.ending } : {}),
    ...spend,
  };
  if (result.status === 'complete') {
    const { text, outcome } = outcomeFromReply(result.text, rosterOf(state), message.authorId, message.id, spend);
    return {
      message: { ...delivered, text, status: outcome.status === 'passed' ? 'passed' : 'complete' },
      outcome,
    };
  }
  if (result.status === 'interrupted')
    return {
      message: { ...delivered, text: result.text, status: 'interrupted' },
      outcome: { status: 'interrupted', messageId: message.id, ...spend },
    };
  const error = result.error ?? { reason: 'unknown' as const, message: 'The turn failed.' };
  return {
    message: { ...delivered, text: result.text, status: 'error', errorReason: error.reason, error },
    outcome: { status: 'error', errorReason: error.reason, messageId: message.id, ...spend },
  };
}
