import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DAP_ORDER_MESSAGE,
  DAP_PARAM_RULES,
  DAP_PRESETS,
  MAX_PEERS,
  PEERS_MESSAGE,
  SEAT_TEXT_RULES,
  numberRuleMessage,
  textRuleMessage,
} from '../core/index.ts';
import { createFacilitatorStore } from './facilitator.ts';
import { createLibraryStore } from './library.ts';
import { startAutosave } from './persistence/autosave.ts';
import { loadConversation, storeConversation } from './persistence/conversations.ts';
import { PeerChatDb } from './persistence/db.ts';
import { scriptedAdapters, seat, testDeps, testRoom } from './testing.ts';
import type { RoomData, SavedConversation } from './types.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setup() {
  const db = new PeerChatDb(`room-rules-${Math.random()}`);
  const room = createFacilitatorStore(testDeps(scriptedAdapters({}).adapterFor));
  const saver = startAutosave(room, db, { intervalMs: 1 });
  cleanups.push(async () => {
    await saver.stop();
    await db.delete();
  });
  const library = createLibraryStore({
    db: async () => db,
    room,
    now: () => Date.now(),
    newId: () => `new-${Math.random()}`,
    flushPending: saver.flush,
  });
  return { db, room, library, saver };
}

/** A conversation as an older version of PeerChat (or a damaged store) may have left it. */
function stored(room: RoomData, id = 'old'): SavedConversation {
  const message = {
    id: `${id}-m1`,
    kind: 'human' as const,
    authorId: room.human.id,
    text: 'hello',
    status: 'complete' as const,
    modeId: room.modeId,
    createdAt: 1,
  };
  return { id, title: 'Old', room, messages: [message], events: [], arbiter: null, lastRoundEnd: null };
}

describe('opening a stored room that breaks the rules', () => {
  it('resets refused numbers to their defaults, says which, and stores the repaired room', async () => {
    const { db, room, library, saver } = setup();
    const broken = testRoom();
    broken.peers[0] = seat('claude', { dap: { pMin: 0, base: 0.5 } });
    broken.limits = { pingPong: 0, maxDepth: 1 };
    // A stored arbiter holding the refused values too: it is replaced by a fresh one from the repaired room.
    const arbiter = createFacilitatorStore(testDeps(scriptedAdapters({}).adapterFor)).getState().arbiter;
    const withArbiter = { ...stored(broken), arbiter: { ...arbiter, limitOverrides: { pingPong: 0 } } };
    await storeConversation(db, withArbiter, Date.now());
    expect(await library.getState().open('old')).toEqual({ ok: true });
    const state = room.getState();
    expect(state.notice).toContain(`Claude — peers[0].dap.pMin: ${numberRuleMessage(DAP_PARAM_RULES.pMin)}`);
    expect(state.notice).toContain('(and 1 more)');
    expect(state.peers[0]!.dap).toEqual({ base: 0.5 });
    expect(state.dapParams['id-claude']!.pMin).toBe(DAP_PRESETS.quiet.pMin);
    expect(state.limits).toEqual({ maxDepth: 1 });
    expect(state.effectiveLimits.pingPong).toBeGreaterThanOrEqual(1);
    await saver.flush();
    expect((await loadConversation(db, 'old'))?.room.peers[0]!.dap).toEqual({ base: 0.5 });
    expect(room.getState().send('@claude still works')).toEqual({ ok: true });
  });

  it('opens a room whose names break a rule, names it, and lets the human fix it', async () => {
    const { db, room, library } = setup();
    const broken = testRoom();
    broken.peers[1] = seat('gpt', { displayName: '  ' });
    await storeConversation(db, stored(broken), Date.now());
    expect(await library.getState().open('old')).toEqual({ ok: true });
    const message = textRuleMessage(SEAT_TEXT_RULES.displayName);
    expect(room.getState().notice).toContain(`peers[1].displayName: ${message}`);
    // A rule the room already broke does not block other changes; breaking a new one is refused.
    expect(room.getState().setPeerDap('id-claude', { base: 0.3 })).toEqual({ ok: true });
    expect(room.getState().setPeerDap('id-claude', { pMin: 0 })).toEqual({
      ok: false,
      message: numberRuleMessage(DAP_PARAM_RULES.pMin),
    });
    expect(room.getState().updatePeer('id-gpt', { displayName: 'GPT' })).toEqual({ ok: true });
  });

  it('does not open a room whose participants share an id, and says why', async () => {
    const { db, room, library } = setup();
    const broken = testRoom();
    broken.peers[1] = seat('gpt', { id: 'id-claude' });
    await storeConversation(db, stored(broken), Date.now());
    const before = room.getState().conversationId;
    const result = await library.getState().open('old');
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('peers[1].id: id must be non-empty and unique.'),
    });
    expect(room.getState().conversationId).toBe(before);
  });
});

describe('the store keeps the room within the rules', () => {
  it('refuses a mode whose DAP the seats’ own settings no longer fit', () => {
    const store = createFacilitatorStore(testDeps(scriptedAdapters({}).adapterFor));
    expect(store.getState().setMode('adversarial')).toEqual({ ok: true });
    // Adversarial runs the balanced preset (pMax 1); back in collaborative, quiet caps p at 0.85.
    expect(store.getState().setPeerDap('id-claude', { pMin: 0.9 })).toEqual({ ok: true });
    expect(store.getState().setMode('collaborative')).toEqual({
      ok: false,
      message: `Cannot switch to Collaborative with Claude’s settings: ${DAP_ORDER_MESSAGE}`,
    });
    expect(store.getState().modeId).toBe('adversarial');
  });

  it('seats at most the rule’s number of peers', () => {
    const room = testRoom(Array.from({ length: MAX_PEERS }, (_, index) => `p${index}`));
    const store = createFacilitatorStore(testDeps(scriptedAdapters({}).adapterFor, room));
    const { id: _id, kind: _kind, ...input } = seat('one-more');
    expect(store.getState().addPeer(input)).toEqual({ ok: false, message: PEERS_MESSAGE });
  });
});
