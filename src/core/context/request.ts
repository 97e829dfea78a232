/**
 * The provider-neutral request that the core builds for one peer's turn and that every L0 adapter consumes.
 * It already holds the whole shared history, attributed, merged so that roles alternate, and cut to budget;
 * adapters only translate it into their provider's wire shape.
 */
import type { AttachmentRef } from '../domain/attachments.ts';
import type { ReasoningRequest } from '../domain/reasoning.ts';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  /**
   * Files attached to the message(s) this one carries, in order: references only. The store resolves their bytes
   * just before the adapter call.
   */
  attachments?: AttachmentRef[];
}

export interface PeerRequest {
  /** The peer (seat) this request is for. */
  peerId: string;
  /** Model id as the provider knows it. */
  model: string;
  /** The full system prompt: identity, participants, mention and PASS rules, mode block, persona. */
  system: string;
  /** Starts with a `user` message; roles alternate. */
  messages: ChatMessage[];
  temperature?: number;
  maxOutputTokens?: number;
  /** The seat's reasoning options; each adapter sends its provider's part. */
  reasoning?: ReasoningRequest;
}
