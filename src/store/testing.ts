/**
 * Test doubles for the store's side effects: a scripted in-memory adapter (provider behaviour itself is tested
 * against the fake-provider server) and a manual frame clock.
 */
import type { PeerAdapter, ProviderSettings, StreamOptions, TurnResult } from '../adapters/index.ts';
import type { PeerRequest, TurnEnding } from '../core/index.ts';
import type { FacilitatorDeps } from './facilitator.ts';
import type { PeerSeat, RoomData, RoomStore } from './types.ts';

// Storage for tests that need a library or autosave of their own (UI tests reach the store through here and
// src/store/index.ts only). IndexedDB is fake-indexeddb's, installed before Dexie loads and looks for it.
import 'fake-indexeddb/auto';
export { OTHER_TAB_NOTICE, startAutosave, type Autosave } from './persistence/autosave.ts';
export { PeerChatDb } from './persistence/db.ts';
export { storeConversation } from './persistence/conversations.ts';

export interface ScriptedReply {
  text: string;
  /** Fail with this reason after streaming the text. */
  error?: 'rate-limited' | 'server-error';
  /** Wait for `releaseAll()` (or an abort) after the first word (to test stop and preemption mid-stream). */
  hold?: boolean;
  /** Streamed word by word before the text, and returned as the turn's reasoning. */
  reasoning?: string;
  /** Returned as the turn's ending. */
  ending?: TurnEnding;
}

export interface ScriptedCall {
  model: string;
  request: PeerRequest;
  settings: ProviderSettings;
  aborted: boolean;
}

/** An adapter whose replies are scripted per model; records every request it was sent. */
export function scriptedAdapters(script: Record<string, ScriptedReply[]>) {
  const calls: ScriptedCall[] = [];
  const holds: (() => void)[] = [];
  /** Held replies waiting now, and who waits for the next one to start waiting. */
  const held = new Set<() => void>();
  const heldWaiters: (() => void)[] = [];
  const adapterFor = (settings: ProviderSettings): PeerAdapter => ({
    kind: settings.kind,
    listModels: async () => Object.keys(script).map((id) => ({ id })),
    async stream(request: PeerRequest, options: StreamOptions): Promise<TurnResult> {
      const call: ScriptedCall = { model: request.model, request, settings, aborted: false };
      calls.push(call);
      const reply = script[request.model]?.shift() ?? { text: `${request.model} has nothing to add.` };
      const latency = { firstTokenMs: 1, totalMs: 2 };
      const words = reply.text.split(/(?= )/);
      for (const piece of reply.reasoning?.split(/(?= )/) ?? []) {
        options.onEvent?.({ type: 'reasoning', text: piece });
        await Promise.resolve();
      }
      const extras = {
        ...(reply.reasoning !== undefined ? { reasoning: { text: reply.reasoning, durationMs: 1 } } : {}),
        ...(reply.ending !== undefined ? { ending: reply.ending } : {}),
      };
      let text = '';
      for (const [index, word] of words.entries()) {
        if (options.signal.aborted) break;
        text += word;
        options.onEvent?.({ type: 'delta', text: word });
        if (reply.hold && index === 0) {
          await new Promise<void>((resolve) => {
            const release = () => {
              held.delete(release);
              resolve();
            };
            held.add(release);
            holds.push(release);
            options.signal.addEventListener('abort', release);
            heldWaiters.splice(0).forEach((notify) => notify());
          });
        }
        await Promise.resolve();
      }
      if (options.signal.aborted) {
        call.aborted = true;
        return {
          status: 'interrupted',
          text,
          stopReason: null,
          usage: null,
          latency,
          error: { reason: 'aborted', message: 'Stopped.' },
        };
      }
      if (reply.error) {
        return {
          status: 'error',
          text,
          stopReason: null,
          usage: null,
          latency,
          error: { reason: reply.error, message: `${reply.error} (scripted)`, status: 429 },
        };
      }
      return {
        status: 'complete',
        text,
        stopReason: 'stop',
        usage: { inputTokens: 10, outputTokens: words.length },
        latency,
        ...extras,
      };
    },
  });
  return {
    adapterFor,
    calls,
    releaseAll: () => holds.splice(0).forEach((release) => release()),
    /** Resolves once a `hold` reply has streamed its first word and waits (for `releaseAll` or an abort). */
    holding: (): Promise<void> =>
      held.size > 0 ? Promise.resolve() : new Promise<void>((resolve) => heldWaiters.push(resolve)),
  };
}

/** Frames run only when the test says so, to check that streamed text is batched. */
export function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    requestFrame: (flush: () => void) => void queue.push(flush),
    runFrame: () => queue.splice(0).forEach((flush) => flush()),
    pending: () => queue.length,
  };
}

export function seat(handle: string, overrides: Partial<PeerSeat> = {}): PeerSeat {
  return {
    kind: 'peer',
    id: `id-${handle}`,
    handle,
    aliases: [],
    displayName: handle[0]!.toUpperCase() + handle.slice(1),
    provider: 'openai',
    model: `${handle}-model`,
    settings: { contextWindow: 100_000 },
    dap: {},
    enabled: true,
    colour: '#000000',
    ...overrides,
  };
}

export function testRoom(handles: string[] = ['claude', 'gpt', 'gemini']): RoomData {
  return {
    name: 'Test room',
    human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
    peers: handles.map((handle) => seat(handle)),
    modeId: 'collaborative',
    customModes: [],
    limits: {},
    seed: 42,
  };
}

export function testDeps(adapterFor: FacilitatorDeps['adapterFor'], room = testRoom()): FacilitatorDeps {
  let id = 0;
  let clock = 1_000;
  return {
    adapterFor,
    now: () => (clock += 10),
    newId: () => `m${++id}`,
    newSeed: () => 7 + id,
    requestFrame: (flush) => queueMicrotask(flush),
    initialRoom: room,
  };
}

/**
 * Resolves once `isActive()` is false, checking after each macrotask (turns finish on microtasks). Throws when it
 * is still true after `maxTicks` of them, saying what was still true: `still` describes it (the condition's source
 * when not given).
 */
export async function settle(
  isActive: () => boolean,
  still: string | (() => string) = compactSource(isActive),
  maxTicks = 2_000,
): Promise<void> {
  for (let tick = 0; tick < maxTicks; tick++) {
    if (!isActive()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (!isActive()) return;
  throw new Error(`settle: still true after ${maxTicks} ticks: ${typeof still === 'function' ? still() : still}`);
}

/** Resolves once no round runs and no message streams; on timeout, says which round and messages were left. */
export function roundOver(store: { getState(): RoomStore }, maxTicks?: number): Promise<void> {
  const streaming = () => Object.values(store.getState().messages).filter((message) => message.status === 'streaming');
  return settle(
    () => store.getState().roundActive || streaming().length > 0,
    () => {
      const messages = streaming().map(
        (message) => `${message.id} (${message.authorId}) "${message.text.slice(0, 40)}"`,
      );
      return `round active: ${store.getState().roundActive}; streaming: ${messages.join(', ') || 'none'}`;
    },
    maxTicks,
  );
}

function compactSource(condition: () => boolean): string {
  return String(condition).replace(/\s+/g, ' ');
}

// The installed app's update state, for the update prompt's tests
export { appUpdateStore } from './app-update.ts';
