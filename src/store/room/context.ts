/**
 * What the facilitator's slices share: the side effects injected from outside, the store itself, and the two
 * owners of change — the room log (`commit`, the only writer of the projection) and the turn runner (the only
 * holder of AbortControllers and streamed text not yet committed).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { PeerAdapter, ProfileTracker, ProviderSettings } from '../../adapters/index.ts';
import type { RoomData, RoomEventBody } from '../../core/index.ts';
import type { AttachmentStorage } from '../attachments/storage.ts';
import type { RemoteFiles } from '../sharing/shared-files.ts';
import type { connectShared } from '../sharing/connection.ts';
import type { Result, RoomStore } from '../types.ts';

/** Everything with a side effect comes in from outside, so the store runs in Node tests as in the browser. */
export interface FacilitatorDeps {
  adapterFor(settings: ProviderSettings): PeerAdapter;
  now(): number;
  newId(): string;
  /** A fresh DAP seed for a new conversation. */
  newSeed(): number;
  /** Runs `flush` once before the next paint (requestAnimationFrame in the browser). */
  requestFrame(flush: () => void): void;
  initialRoom: RoomData;
  /** Where attached files' bytes are kept (IndexedDB in the app); in memory when not given. */
  attachments?: AttachmentStorage;
  /** What the adapters observe of each provider and model (DAP profiles); a fresh tracker when not given. */
  profiles?: ProfileTracker;
  /** How a shared room connects to its sync server (the Hocuspocus provider when not given). */
  connectShared?: typeof connectShared;
  /** The WebSocket class for shared rooms where there is no global one (Node 20, in tests). */
  WebSocketPolyfill?: unknown;
}

export type SetRoom = StoreApi<RoomStore>['setState'];

export interface CommitOptions {
  /** Runs after the event is applied and before its effects (turns it starts) run. */
  beforeEffects?(): void;
}

export interface RoomContext {
  deps: FacilitatorDeps;
  set: SetRoom;
  get(): RoomStore;
  /** Appends a room event: validated, applied, then its effects run. A refused event changes nothing. */
  commit(body: RoomEventBody, options?: CommitOptions): Result;
  /** Measures how full each peer's context window is (skipped while older messages are still being read). */
  refreshContextFills(): void;
  /** Why the conversation cannot change now (another tab holds it, it ended, it is still being read), or null. */
  blockedReason(): string | null;
  /** Logs each seat's adapter profile that changed (after a turn result, a seat change, a new conversation). */
  syncProfiles(): void;
  /** Where attached files are kept (the injected storage, or memory). */
  attachments: AttachmentStorage;
  /** Aborts every running turn and drops their late results (the conversation is being replaced). */
  abortAll(): void;
  /** This browser's member id while the room is shared, else null. */
  sharedMemberId(): string | null;
  /** Set while the room is shared: the text this browser's turns stream also goes to the other members. */
  relay: StreamRelay | null;
  /** Set while the room is shared: where attached files go to and come from besides this browser. */
  remoteFiles: RemoteFiles | null;
}

/** Where streamed text goes besides this page. */
export interface StreamRelay {
  delta(turnId: string, text: string, reasoning?: string): void;
  /** The turn is about to end: send what is left of its text now, before its end (or drop it, when discarding). */
  end(turnId: string, options?: { discard: true }): void;
}
