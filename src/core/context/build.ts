/**
 * Builds the provider-neutral request of each peer (profile §3). The shared history is selected once per
 * transcript and cut once per budget; only the role mapping differs between peers.
 *
 * Work per call is linear in the transcript at worst; `ContextBuilder` reuses the history entries of messages it
 * has already seen, so a growing transcript costs only its new messages plus the cut and the mapping.
 */
import type { PeerParticipant, Roster } from '../domain/participants.ts';
import type { ModeDefinition } from '../modes/mode.ts';
import { contextFill, historyBudget } from './budget.ts';
import type { ContextFill } from './budget.ts';
import { cutHistoryToBudget } from './budget-cut.ts';
import type { HistoryCut } from './budget-cut.ts';
import type { PeerRequest } from './request.ts';
import { historyMessagesFor } from './role-mapping.ts';
import { headersByAuthor, isShared, toHistoryEntry } from './shared-history.ts';
import type { HistoryEntry, SharedMessage } from './shared-history.ts';
import { buildSystemPrompt } from './system-prompt.ts';
import { estimateMessageTokens } from './tokens.ts';

/** Everything context building needs. */
export interface ContextInput {
  roster: Roster;
  mode: ModeDefinition;
  /** The whole transcript, oldest first (any status; filtering is done here). */
  messages: readonly SharedMessage[];
  /** Peers' reasoning goes to the other peers, marked, before each answer (the room setting; default off). */
  shareReasoning?: boolean;
}

/** One peer's request with its budget figures. */
export interface PeerContext {
  request: PeerRequest;
  fill: ContextFill;
  /** How many messages the budget cut left out. */
  omitted: number;
  /** True when even the newest turns had to be shortened. */
  overflow: boolean;
}

interface SystemPrompts {
  byPeer: Map<string, string>;
  /** Tokens of the largest system prompt of the room: the same allowance for every peer. */
  allowance: number;
}

/**
 * Incremental context builder. Keep one per conversation: it caches the attributed history of the messages it has
 * seen (by object identity, so an immutable store works as is), the cuts per budget, and the system prompts.
 */
export class ContextBuilder {
  /** A private copy of the transcript last seen (the caller may mutate its own array). */
  private seenMessages: readonly SharedMessage[] = [];
  private seenShareReasoning = false;
  private seenEntries: (HistoryEntry | null)[] = [];
  private seenRoster: Roster | null = null;
  private entries: HistoryEntry[] = [];
  private cuts = new Map<number, HistoryCut>();
  private prompts: { roster: Roster; mode: ModeDefinition; value: SystemPrompts } | null = null;

  /** Builds the request of one peer. Throws if `peerId` is not a peer of the roster. */
  buildPeerContext(input: ContextInput, peerId: string): PeerContext {
    const peer = requirePeer(input.roster, peerId);
    const prompts = this.systemPrompts(input.roster, input.mode);
    const cut = this.cutFor(input, historyBudget(peer, prompts.allowance));
    const system = prompts.byPeer.get(peer.id) ?? '';
    const request: PeerRequest = {
      peerId: peer.id,
      model: peer.model,
      system,
      messages: historyMessagesFor(peer.id, cut),
    };
    if (peer.settings.temperature !== undefined) request.temperature = peer.settings.temperature;
    if (peer.settings.maxOutputTokens !== undefined) request.maxOutputTokens = peer.settings.maxOutputTokens;
    if (peer.settings.reasoning !== undefined) request.reasoning = peer.settings.reasoning;
    const used = estimateMessageTokens(system) + cut.usedTokens;
    return { request, fill: contextFill(peer, used, cut.omitted), omitted: cut.omitted, overflow: cut.overflow };
  }

  /** How full every peer's context would be for its next turn, without building any request text. */
  contextFills(input: ContextInput): ContextFill[] {
    const prompts = this.systemPrompts(input.roster, input.mode);
    return input.roster.peers.map((peer) => {
      const cut = this.cutFor(input, historyBudget(peer, prompts.allowance));
      const system = prompts.byPeer.get(peer.id) ?? '';
      return contextFill(peer, estimateMessageTokens(system) + cut.usedTokens, cut.omitted);
    });
  }

  /** The shared history of the transcript (the same list for every peer). */
  sharedHistory(input: ContextInput): readonly HistoryEntry[] {
    this.sync(input);
    return this.entries;
  }

  /** The cut of the shared history that `peerId`'s request is built from (shared by every peer with its budget). */
  historyCut(input: ContextInput, peerId: string): HistoryCut {
    const peer = requirePeer(input.roster, peerId);
    return this.cutFor(input, historyBudget(peer, this.systemPrompts(input.roster, input.mode).allowance));
  }

  private cutFor(input: ContextInput, budget: number): HistoryCut {
    this.sync(input);
    let cut = this.cuts.get(budget);
    if (cut === undefined) {
      cut = cutHistoryToBudget(this.entries, budget);
      this.cuts.set(budget, cut);
    }
    return cut;
  }

  /**
   * Brings the cached entries in line with the transcript, reusing the entries of unchanged messages. Messages are
   * compared by identity against a private copy of the last transcript, so both an immutable store (new array each
   * time) and in-place edits are seen. Cost: one pointer comparison per message plus the new messages.
   */
  private sync(input: ContextInput): void {
    const { messages, roster } = input;
    const shareReasoning = input.shareReasoning === true;
    const sameRoster = roster === this.seenRoster && shareReasoning === this.seenShareReasoning;
    let reuse = 0;
    if (sameRoster) {
      const limit = Math.min(messages.length, this.seenMessages.length);
      while (reuse < limit && messages[reuse] === this.seenMessages[reuse]) reuse++;
      if (reuse === messages.length && reuse === this.seenMessages.length) return;
    }
    const headers = headersByAuthor(roster);
    const seenEntries = this.seenEntries.slice(0, reuse);
    for (let i = reuse; i < messages.length; i++) {
      const message = messages[i] as SharedMessage;
      seenEntries.push(isShared(message) ? toHistoryEntry(message, headers, { shareReasoning }) : null);
    }
    this.seenMessages = messages.slice();
    this.seenRoster = roster;
    this.seenShareReasoning = shareReasoning;
    this.seenEntries = seenEntries;
    this.entries = seenEntries.filter((entry): entry is HistoryEntry => entry !== null);
    this.cuts.clear();
  }

  private systemPrompts(roster: Roster, mode: ModeDefinition): SystemPrompts {
    if (this.prompts?.roster === roster && this.prompts.mode === mode) return this.prompts.value;
    const byPeer = new Map<string, string>();
    let allowance = 0;
    for (const peer of roster.peers) {
      const prompt = buildSystemPrompt(roster, peer, mode);
      byPeer.set(peer.id, prompt);
      allowance = Math.max(allowance, estimateMessageTokens(prompt));
    }
    const value = { byPeer, allowance };
    this.prompts = { roster, mode, value };
    return value;
  }
}

function requirePeer(roster: Roster, peerId: string): PeerParticipant {
  const peer = roster.peers.find((candidate) => candidate.id === peerId);
  if (peer === undefined) throw new Error(`Unknown peer: ${peerId}`);
  return peer;
}

/** Builds one peer's request without a cache (convenience for one-off use and tests). */
export function buildPeerContext(input: ContextInput, peerId: string): PeerContext {
  return new ContextBuilder().buildPeerContext(input, peerId);
}

/** Builds every peer's request from one shared history and one cut per budget. */
export function buildAllPeerContexts(input: ContextInput): PeerContext[] {
  const builder = new ContextBuilder();
  return input.roster.peers.map((peer) => builder.buildPeerContext(input, peer.id));
}
