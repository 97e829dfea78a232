/**
 * Test fixtures shared by the core's tests (not part of the public API).
 */
import type { Message } from '../domain/messages.ts';
import type { HumanParticipant, PeerParticipant, Roster } from '../domain/participants.ts';

/** A peer seat with sensible defaults. */
export function makePeer(handle: string, overrides: Partial<PeerParticipant> = {}): PeerParticipant {
  return {
    kind: 'peer',
    id: `peer-${handle}`,
    handle,
    aliases: [],
    displayName: handle.charAt(0).toUpperCase() + handle.slice(1),
    provider: 'demo',
    model: `${handle}-model`,
    settings: { contextWindow: 100_000, maxOutputTokens: 1024, temperature: 0.7 },
    dap: {},
    enabled: true,
    ...overrides,
  };
}

/** The human with sensible defaults. */
export function makeHuman(overrides: Partial<HumanParticipant> = {}): HumanParticipant {
  return { kind: 'human', id: 'human', handle: 'ana', aliases: [], displayName: 'Ana', ...overrides };
}

/** A roster of the human and the given peers. */
export function makeRoster(peers: PeerParticipant[], human: HumanParticipant = makeHuman()): Roster {
  return { human, peers };
}

/** The room most tests use: claude (alias anthropic), gpt, gemini, and a muted llama. */
export function standardRoster(): Roster {
  return makeRoster([
    makePeer('claude', { aliases: ['anthropic'], displayName: 'Claude' }),
    makePeer('gpt', { displayName: 'GPT' }),
    makePeer('gemini', { displayName: 'Gemini' }),
    makePeer('llama', { displayName: 'Llama', enabled: false }),
  ]);
}

let messageSeq = 0;

/** A message with sensible defaults; ids are unique within a test run. */
export function makeMessage(overrides: Partial<Message> & Pick<Message, 'authorId' | 'text'>): Message {
  messageSeq++;
  return {
    id: `m${messageSeq}`,
    kind: overrides.authorId === 'human' ? 'human' : 'peer',
    status: 'complete',
    createdAt: messageSeq,
    ...overrides,
  };
}
