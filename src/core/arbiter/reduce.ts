/**
 * The turn arbiter (profile §5) as a deterministic state machine:
 *
 *   reduceArbiter(state, input) -> { state, effects, events }
 *
 * Same state + same input = same result (no clock, no Math.random: times come with the inputs, randomness from the
 * seeded generator in the state). Replaying a conversation's inputs from `createArbiter(config)` rebuilds it exactly.
 */
import { validateDapParams } from '../dap/params.ts';
import { validateLimitOverrides } from '../governance/limits.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import { seedRng } from '../rng/prng.ts';
import { setAdapterProfile } from './adapter-profiles.ts';
import { enqueueMentionedPeers } from './chaining.ts';
import { StepDraft } from './draft.ts';
import {
  forceTurn,
  mutePeer,
  rolesOf,
  setDap,
  setLimits,
  setMode,
  setPeers,
  showVersion,
  skipNext,
  stopAll,
  stopPeer,
  unmutePeer,
} from './human-controls.ts';
import { currentLimits, dapParamsOf } from './policy.ts';
import { advanceCouncil, councilInputProblem, queueCouncilAnswers, recordCouncilTurn } from './council-round.ts';
import { openRound, queueFirstWave } from './round-start.ts';
import { advanceRound, dropQueue, endRound } from './scheduler.ts';
import { abortInFlight, abortOrphans, recordCompletion } from './turns.ts';
import type { ArbiterInput, ArbiterMode, ArbiterPeer, ArbiterState, ArbiterStep, TurnOutcome } from './types.ts';

/** How a conversation's arbiter starts. */
export interface ArbiterConfig {
  /** Stored with the conversation so any round can be replayed. */
  seed: number | string;
  humanId: string;
  /** Seats in table order. */
  peers: readonly ArbiterPeer[];
  mode: ArbiterMode;
  /** The human's own limit settings. */
  limits?: LimitOverrides;
  /** Start time in milliseconds. */
  at: number;
}

/** Creates the arbiter of a new conversation; the step's events are `session-started` and `roles-assigned`. */
export function createArbiter(config: ArbiterConfig): ArbiterStep {
  const seed = seedRng(config.seed);
  const base: ArbiterState = {
    humanId: config.humanId,
    peers: [],
    mode: config.mode,
    limitOverrides: {},
    seed,
    rng: seed,
    lamport: 0,
    nextTurnSeq: 1,
    nextRoundSeq: 1,
    broadcastRounds: 0,
    recentSpeakers: [],
    consecutiveErrors: {},
    adapterProfiles: {},
    round: null,
    orphans: [],
    ended: false,
  };
  const draft = new StepDraft(base, config.at);
  draft.state.peers = structuredClone([...config.peers]);
  const problems = configProblems(draft.state, config.limits ?? {});
  if (problems.length > 0) throw new Error(`Invalid arbiter configuration: ${problems.join('; ')}`);
  draft.state.limitOverrides = { ...config.limits };
  draft.record({ type: 'session-started', seed, modeId: config.mode.id });
  draft.record({ type: 'roles-assigned', roles: rolesOf(draft) });
  return draft.finish();
}

function configProblems(state: ArbiterState, limits: LimitOverrides): string[] {
  const problems = validateLimitOverrides(limits).map((issue) => issue.message);
  const ids = new Set(state.peers.map((peer) => peer.id));
  if (ids.size !== state.peers.length || ids.has(state.humanId)) problems.push('participant ids must be unique');
  for (const peer of state.peers) {
    problems.push(...validateDapParams(dapParamsOf(state, peer)).map((issue) => `${peer.id}: ${issue.message}`));
  }
  return problems;
}

/** Applies one input. Pure: `state` is not modified. */
export function reduceArbiter(state: ArbiterState, input: ArbiterInput): ArbiterStep {
  const draft = new StepDraft(state, input.at);
  if (state.ended) {
    // A late result or adapter report is not a request: it is ignored; anything else is refused.
    if (input.type !== 'turn-finished' && input.type !== 'set-adapter-profile')
      draft.reject(input.type, 'The session has ended');
    return draft.finish();
  }
  applyInput(draft, input);
  advanceRound(draft, (round) => advanceCouncil(draft, round));
  return draft.finish();
}

/** Applies a list of inputs in order, concatenating effects and events (replay, tests, benchmarks). */
export function replayArbiter(start: ArbiterState, inputs: readonly ArbiterInput[]): ArbiterStep {
  let state = start;
  const effects: ArbiterStep['effects'] = [];
  const events: ArbiterStep['events'] = [];
  for (const input of inputs) {
    const step = reduceArbiter(state, input);
    state = step.state;
    effects.push(...step.effects);
    events.push(...step.events);
  }
  return { state, effects, events };
}

function applyInput(draft: StepDraft, input: ArbiterInput): void {
  switch (input.type) {
    case 'human-message':
      return humanMessage(draft, input);
    case 'turn-finished':
      return turnFinished(draft, input.turnId, input.outcome);
    case 'stop-all':
      return stopAll(draft);
    case 'stop-peer':
      return stopPeer(draft, input.peerId);
    case 'skip-next':
      return skipNext(draft);
    case 'speak-now':
      return forceTurn(draft, 'speak-now', input.peerId, { kind: 'human-forced' });
    case 'regenerate':
      return forceTurn(draft, 'regenerate', input.peerId, { kind: 'retry', replacesMessageId: input.messageId });
    case 'show-version':
      return showVersion(draft, input.messageId);
    case 'mute':
      return mutePeer(draft, input.peerId);
    case 'unmute':
      return unmutePeer(draft, input.peerId);
    case 'set-mode':
      return setMode(draft, input.mode);
    case 'set-limits':
      return setLimits(draft, input.limits);
    case 'set-dap':
      return setDap(draft, input.peerId, input.dap);
    case 'set-peers':
      return setPeers(draft, input.peers);
    case 'set-adapter-profile':
      return setAdapterProfile(draft, input.peerId, input.profile);
    case 'end-session':
      return endSession(draft);
  }
}

/**
 * A human message preempts the running round, then opens its own (profile §5.1). An edit (`edits`: the message it
 * replaces) reruns the conversation from there, so everything still running stops, whatever the setting.
 */
function humanMessage(draft: StepDraft, input: Extract<ArbiterInput, { type: 'human-message' }>): void {
  const { messageId, mentions, edits, council } = input;
  const problem = council === undefined ? null : councilInputProblem(draft, council);
  if (problem !== null) return draft.reject('human-message', problem);
  if (edits !== undefined) {
    draft.record({ type: 'human-override', action: 'edit-and-rerun', messageId: edits });
    abortOrphans(draft);
  }
  const previous = draft.state.round;
  if (previous !== null) {
    if (edits !== undefined || currentLimits(draft.state).abortInFlightOnHumanMessage) {
      abortInFlight(draft, previous);
    } else {
      draft.state.orphans.push(...previous.inFlight);
      previous.inFlight = [];
    }
    dropQueue(draft, previous, 'preempted-by-human');
    endRound(draft, 'preempted-by-human');
  }
  const round = openRound(draft, messageId, 'human-message');
  if (council !== undefined) queueCouncilAnswers(draft, round, messageId, mentions, council);
  else queueFirstWave(draft, round, messageId, mentions);
}

/** A turn's result: its completion event, the round's statistics, and the turns its mentions ask for. */
function turnFinished(draft: StepDraft, turnId: string, outcome: TurnOutcome): void {
  const state = draft.state;
  const orphan = state.orphans.findIndex((turn) => turn.turnId === turnId);
  if (orphan >= 0) {
    const [turn] = state.orphans.splice(orphan, 1);
    if (turn) recordCompletion(draft, turn, outcome);
    return;
  }
  const round = state.round;
  const index = round?.inFlight.findIndex((turn) => turn.turnId === turnId) ?? -1;
  // Unknown or already aborted (its completion was recorded then): nothing to do.
  if (round === null || index < 0) return;
  const [turn] = round.inFlight.splice(index, 1);
  if (turn === undefined) return;
  recordCompletion(draft, turn, outcome);
  recordCouncilTurn(round, turn, outcome);
  round.lastSpeaker = turn.peerId;
  if (outcome.status === 'complete' || outcome.status === 'passed') round.succeeded++;
  if (outcome.status === 'error') round.failed++;
  round.spend.tokens += (outcome.tokens?.input ?? 0) + (outcome.tokens?.output ?? 0);
  round.spend.costUsd += outcome.costUsd ?? 0;
  // A council's replies answer the message; they do not call on other peers.
  if (outcome.status === 'complete' && round.council === undefined)
    enqueueMentionedPeers(draft, round, turn, outcome.messageId, outcome.mentions);
}

/** Ends the session: everything running stops, the round ends, `session-completed` is recorded. */
function endSession(draft: StepDraft): void {
  const round = draft.state.round;
  if (round !== null) {
    abortInFlight(draft, round);
    dropQueue(draft, round, 'stopped-by-human');
    endRound(draft, 'stopped-by-human');
  }
  abortOrphans(draft);
  draft.record({ type: 'session-completed' });
  draft.state.ended = true;
}
