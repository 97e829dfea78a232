/**
 * Human authority (profile §8): every control takes effect at once and is recorded. Peers never reach these
 * functions; their only influence on the queue is the mention rule.
 */
import { DAP_PRESETS, DEFAULT_DAP_PARAMS, resolveDapParams, validateDapParams } from '../dap/params.ts';
import type { DapOverrides } from '../dap/params.ts';
import type { TurnReason } from '../domain/messages.ts';
import { validateLimitOverrides } from '../governance/limits.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import { dropProfilesOfRemovedSeats } from './adapter-profiles.ts';
import type { StepDraft } from './draft.ts';
import { findArbiterPeer } from './policy.ts';
import { openRound } from './round-start.ts';
import { dropQueue, endRound, skipTurn } from './scheduler.ts';
import { abortInFlight, abortOrphans } from './turns.ts';
import type { ArbiterMode, ArbiterPeer, QueuedTurn } from './types.ts';

/**
 * Stops everything: aborts streams (also replies left running from an earlier round), clears the queue, ends the
 * round as `stopped-by-human`.
 */
export function stopAll(draft: StepDraft): void {
  draft.record({ type: 'human-override', action: 'stop-all' });
  haltEverything(draft);
}

/** Switches to another version of a message: like Stop all, since what runs was asked on the old path. */
export function showVersion(draft: StepDraft, messageId: string): void {
  draft.record({ type: 'human-override', action: 'show-version', messageId });
  haltEverything(draft);
}

function haltEverything(draft: StepDraft): void {
  abortOrphans(draft);
  const round = draft.state.round;
  if (round === null) return;
  abortInFlight(draft, round);
  dropQueue(draft, round, 'stopped-by-human');
  endRound(draft, 'stopped-by-human');
}

/** Stops one peer: aborts its stream and removes its queued turns; the round goes on. */
export function stopPeer(draft: StepDraft, peerId: string): void {
  if (findArbiterPeer(draft.state, peerId) === undefined) return draft.reject('stop-peer', `Unknown peer ${peerId}`);
  draft.record({ type: 'human-override', action: 'stop-peer', peerId });
  abortOrphans(draft, (turn) => turn.peerId === peerId);
  const round = draft.state.round;
  if (round === null) return;
  abortInFlight(draft, round, (turn) => turn.peerId === peerId);
  dropQueue(draft, round, 'stopped-by-human', (item) => item.peerId !== peerId);
}

/** Skips the next queued turn (not one that is already running). */
export function skipNext(draft: StepDraft): void {
  const round = draft.state.round;
  const next = round?.queue[0];
  draft.record({ type: 'human-override', action: 'skip-next', ...(next ? { peerId: next.peerId } : {}) });
  if (round === null || next === undefined) return;
  round.queue.shift();
  skipTurn(draft, round, next, 'skipped-by-human');
}

/**
 * Makes a peer speak next (`human-forced`), or regenerates one of its messages (`retry`). While a round runs the
 * turn goes to the front of the queue and starts as soon as the running turn ends; otherwise it opens a round.
 */
export function forceTurn(
  draft: StepDraft,
  input: 'speak-now' | 'regenerate',
  peerId: string,
  reason: TurnReason,
): void {
  const peer = findArbiterPeer(draft.state, peerId);
  if (peer === undefined) return draft.reject(input, `Unknown peer ${peerId}`);
  if (!peer.enabled) return draft.reject(input, `@${peerId} is muted: unmute it first`);
  const running = [...(draft.state.round?.inFlight ?? []), ...draft.state.orphans].some((t) => t.peerId === peerId);
  if (running) return draft.reject(input, `${peerId} is already speaking`);
  const replaced = reason.kind === 'retry' ? { messageId: reason.replacesMessageId } : {};
  draft.record({ type: 'human-override', action: input, peerId, ...replaced });
  const round = draft.state.round ?? openRound(draft, null, input);
  round.queue = round.queue.filter((item) => item.peerId !== peerId);
  const item: QueuedTurn = { peerId, reason, depth: 0, firstWave: false };
  round.queue.unshift(item);
}

/** Mutes a peer: it stops at once, its queued turns go, and nothing starts it until it is unmuted. */
export function mutePeer(draft: StepDraft, peerId: string): void {
  const peer = findArbiterPeer(draft.state, peerId);
  if (peer === undefined) return draft.reject('mute', `Unknown peer ${peerId}`);
  peer.enabled = false;
  draft.record({ type: 'human-override', action: 'mute', peerId });
  abortOrphans(draft, (turn) => turn.peerId === peerId);
  const round = draft.state.round;
  if (round === null) return;
  abortInFlight(draft, round, (turn) => turn.peerId === peerId);
  dropQueue(draft, round, 'muted', (item) => item.peerId !== peerId);
}

/** Unmutes a peer. */
export function unmutePeer(draft: StepDraft, peerId: string): void {
  const peer = findArbiterPeer(draft.state, peerId);
  if (peer === undefined) return draft.reject('unmute', `Unknown peer ${peerId}`);
  peer.enabled = true;
  draft.record({ type: 'human-override', action: 'unmute', peerId });
}

/** Switches the mode; turns dispatched from now on are stamped with it. */
export function setMode(draft: StepDraft, mode: ArbiterMode): void {
  if (!Object.hasOwn(DAP_PRESETS, mode.defaults.dapPreset)) return draft.reject('set-mode', 'Unknown DAP preset');
  const issues = validateLimitOverrides(mode.defaults.limits);
  if (issues.length > 0) return draft.reject('set-mode', issues.map((issue) => issue.message).join('; '));
  const from = draft.state.mode.id;
  draft.state.mode = structuredClone(mode);
  draft.record({ type: 'mode-changed', from, to: mode.id });
}

/** Changes the human's limit settings (validated; the whole change is refused if any field is wrong). */
export function setLimits(draft: StepDraft, limits: LimitOverrides): void {
  const issues = validateLimitOverrides(limits);
  if (issues.length > 0) return draft.reject('set-limits', issues.map((issue) => issue.message).join('; '));
  draft.state.limitOverrides = { ...draft.state.limitOverrides, ...withoutUndefined(limits) };
  draft.record({ type: 'human-override', action: 'set-limits', detail: JSON.stringify(limits) });
}

/** Changes the DAP settings of one seat, or of every seat when `peerId` is null (validated). */
export function setDap(draft: StepDraft, peerId: string | null, dap: DapOverrides): void {
  const targets = peerId === null ? draft.state.peers : draft.state.peers.filter((peer) => peer.id === peerId);
  if (targets.length === 0 && peerId !== null) return draft.reject('set-dap', `Unknown peer ${peerId}`);
  const preset = DAP_PRESETS[draft.state.mode.defaults.dapPreset] ?? DEFAULT_DAP_PARAMS;
  for (const peer of targets) {
    const issues = validateDapParams(resolveDapParams(preset, { ...peer.dap, ...withoutUndefined(dap) }));
    if (issues.length > 0) return draft.reject('set-dap', issues.map((issue) => issue.message).join('; '));
  }
  for (const peer of targets) peer.dap = { ...peer.dap, ...withoutUndefined(dap) };
  draft.record({
    type: 'human-override',
    action: 'set-dap',
    ...(peerId !== null ? { peerId } : {}),
    detail: JSON.stringify(dap),
  });
}

/** Replaces the seats (a peer joined, left or was edited). Turns of removed peers stop. */
export function setPeers(draft: StepDraft, peers: readonly ArbiterPeer[]): void {
  const ids = new Set(peers.map((peer) => peer.id));
  if (ids.size !== peers.length || ids.has(draft.state.humanId))
    return draft.reject('set-peers', 'Peer ids must be unique');
  draft.state.peers = structuredClone([...peers]);
  dropProfilesOfRemovedSeats(draft);
  draft.record({ type: 'roles-assigned', roles: rolesOf(draft) });
  abortOrphans(draft, (turn) => !ids.has(turn.peerId));
  const round = draft.state.round;
  if (round === null) return;
  abortInFlight(draft, round, (turn) => !ids.has(turn.peerId));
  dropQueue(draft, round, 'removed', (item) => ids.has(item.peerId));
}

/** The roles listed by `roles-assigned`. */
export function rolesOf(draft: StepDraft): { participantId: string; role: 'human' | 'peer'; enabled: boolean }[] {
  return [
    { participantId: draft.state.humanId, role: 'human', enabled: true },
    ...draft.state.peers.map((peer) => ({ participantId: peer.id, role: 'peer' as const, enabled: peer.enabled })),
  ];
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
