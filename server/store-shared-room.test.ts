/**
 * Shared rooms through the store, against the real sync server (started here on a free port with a temporary data
 * folder) and the real Hocuspocus provider: two and three stores stand for two and three people's browsers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { File } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncServer } from './sync-server.ts';
import { createFacilitatorStore } from '../src/store/facilitator.ts';
import { roundOver, scriptedAdapters, settle, testRoom, type ScriptedReply } from '../src/store/testing.ts';
import type { RoomStore } from '../src/store/types.ts';

type Store = ReturnType<typeof createFacilitatorStore>;

let server: Awaited<ReturnType<typeof createSyncServer>>;
let dataDir: string;
let syncUrl: string;
const stores: Store[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerchat-shared-'));
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, ownerGoneMs: 60_000, log: () => {} });
  syncUrl = `ws://127.0.0.1:${server.port}/sync`;
});

afterEach(async () => {
  for (const store of stores.splice(0)) store.getState().leaveSharedRoom();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One person's browser: a store with its own scripted providers, seats and clock. */
function browser(handles: string[], script: Record<string, ScriptedReply[]> = {}) {
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore({
    adapterFor: adapters.adapterFor,
    now: () => Date.now(),
    newId: () => randomUUID(),
    newSeed: () => 7,
    requestFrame: (flush) => queueMicrotask(flush),
    initialRoom: testRoom(handles),
    WebSocketPolyfill: WebSocket,
  });
  stores.push(store);
  return { store, adapters };
}

/** Waits (up to a deadline, then throws saying what) until `condition` holds. */
async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const texts = (state: RoomStore) => state.messageIds.map((id) => state.messages[id]!.text);
const connected = (store: Store) =>
  store.getState().shared?.status === 'connected' && !store.getState().shared?.joining;

async function share(owner: Store) {
  const shared = await owner.getState().shareRoom(syncUrl, 'Ana');
  expect(shared).toEqual({ ok: true });
  await until(() => connected(owner), 'the owner connected');
}

async function shareAndJoin(owner: Store, ...others: { store: Store; name: string }[]) {
  await share(owner);
  await letJoin(owner, ...others);
}

async function letJoin(owner: Store, ...others: { store: Store; name: string }[]) {
  const invite = owner.getState().shared!.invite;
  for (const other of others) {
    expect(await other.store.getState().joinSharedRoom(syncUrl, invite, other.name)).toEqual({ ok: true });
    await until(
      () => connected(other.store) && other.store.getState().log.length === owner.getState().log.length,
      `${other.name} has the history`,
    );
  }
}

/** `owner` seats Mistral (model `mistral-model`), and `watcher` sees the seat. */
async function seatMistral(owner: Store, watcher: Store) {
  const added = owner.getState().addPeer({
    handle: 'mistral',
    displayName: 'Mistral',
    provider: 'openai',
    model: 'mistral-model',
    aliases: [],
    colour: '',
    settings: { contextWindow: 100_000 },
  });
  await until(() => watcher.getState().peers.some((peer) => peer.handle === 'mistral'), 'the other sees the seat');
  return added;
}

describe('a shared room', () => {
  it('a person who joins by the invite sees the whole history, named by who wrote it', async () => {
    const ana = browser(['claude'], { 'claude-model': [{ text: 'Hello from Claude.' }] });
    ana.store.getState().send('@claude hi');
    await roundOver(ana.store);
    const bo = browser([]);
    await shareAndJoin(ana.store, { store: bo.store, name: 'Bo' });
    expect(texts(bo.store.getState())).toEqual(texts(ana.store.getState()));
    expect(texts(bo.store.getState())).toEqual(['@claude hi', 'Hello from Claude.']);

    bo.store.getState().send('Nice to meet you all.');
    await until(() => texts(ana.store.getState()).includes('Nice to meet you all.'), 'Bo’s message reached Ana');
    const state = ana.store.getState();
    const bos = Object.values(state.messages).find((message) => message.text === 'Nice to meet you all.')!;
    expect(bos.sender).toEqual({ memberId: bo.store.getState().shared!.me.memberId, name: 'Bo' });
  });

  it('a mention of another person’s peer runs in that person’s browser only, and streams to everyone', async () => {
    const ana = browser(['claude']);
    const bo = browser([], { 'mistral-model': [{ text: 'Mistral answers Ana.' }] });
    await shareAndJoin(ana.store, { store: bo.store, name: 'Bo' });
    expect(await seatMistral(bo.store, ana.store)).toEqual({ ok: true });
    const seatOwner = ana.store.getState().peers.find((peer) => peer.handle === 'mistral')!.ownerId;
    expect(seatOwner).toBe(bo.store.getState().shared!.me.memberId);

    ana.store.getState().send('@mistral what do you think?');
    await until(() => texts(ana.store.getState()).includes('Mistral answers Ana.'), 'the reply reached Ana');
    await roundOver(ana.store);
    expect(bo.adapters.calls.map((call) => call.model)).toEqual(['mistral-model']);
    expect(ana.adapters.calls).toEqual([]);
    await until(() => texts(bo.store.getState()).includes('Mistral answers Ana.'), 'Bo has the reply too');
  });

  it('files one person attaches, before sharing and after, reach another person’s peer through the server', async () => {
    const ana = browser([]);
    const bo = browser([], { 'mistral-model': [{ text: 'Friday it is.' }] });
    const file = (name: string, text: string) =>
      new File([text], name, { type: 'text/plain' }) as unknown as globalThis.File;
    // Waiting in the composer when the room is shared: it goes up with the room.
    expect(await ana.store.getState().attachFiles([file('notes.txt', 'Ship on Friday.')])).toEqual({ ok: true });
    await shareAndJoin(ana.store, { store: bo.store, name: 'Bo' });
    expect(await seatMistral(bo.store, ana.store)).toEqual({ ok: true });
    expect(await ana.store.getState().attachFiles([file('owners.txt', 'Ana owns it.')])).toEqual({ ok: true });
    const [notes] = ana.store.getState().pendingAttachments;
    ana.store.getState().send('@mistral read the files');
    await until(() => texts(ana.store.getState()).includes('Friday it is.'), 'the reply reached Ana');
    const asked = bo.adapters.calls[0]!.request.messages.at(-1)!;
    expect(asked.attachments).toEqual([
      expect.objectContaining({ name: 'notes.txt', text: 'Ship on Friday.' }),
      expect.objectContaining({ name: 'owners.txt', text: 'Ana owns it.' }),
    ]);
    const kept = await bo.store.getState().readAttachments([notes!.ref.id]);
    expect(new TextDecoder().decode(kept.get(notes!.ref.id)!.bytes)).toBe('Ship on Friday.');
  });

  it('a person who joins mid-turn sees the text so far once, then the rest, and the reply ends whole', async () => {
    const ana = browser(['claude'], { 'claude-model': [{ text: 'A long answer', hold: true }] });
    await share(ana.store);
    ana.store.getState().send('@claude go on');
    await ana.adapters.holding();
    const streaming = (store: Store) =>
      Object.values(store.getState().messages).find((message) => message.status === 'streaming');
    await until(() => (streaming(ana.store)?.text ?? '') !== '', 'Ana’s reply began');
    const soFar = streaming(ana.store)!.text;
    const bo = browser([]);
    await letJoin(ana.store, { store: bo.store, name: 'Bo' });
    await until(() => streaming(bo.store)?.text === soFar, 'Bo sees the text so far');
    ana.adapters.releaseAll();
    await roundOver(ana.store);
    await until(() => texts(bo.store.getState()).includes('A long answer'), 'Bo has the whole reply');
    expect(texts(bo.store.getState())).toEqual(texts(ana.store.getState()));
  });

  it('messages sent at the same moment by two people get one order on every screen', async () => {
    const ana = browser([]);
    const bo = browser([]);
    const cy = browser([]);
    await shareAndJoin(ana.store, { store: bo.store, name: 'Bo' }, { store: cy.store, name: 'Cy' });
    for (let index = 0; index < 5; index++) {
      ana.store.getState().send(`ana ${index}`);
      bo.store.getState().send(`bo ${index}`);
      cy.store.getState().send(`cy ${index}`);
    }
    const all = (store: Store) => texts(store.getState()).filter((text) => /^(ana|bo|cy) \d$/.test(text));
    for (const store of [ana.store, bo.store, cy.store]) await until(() => all(store).length === 15, 'all 15 arrived');
    expect(all(bo.store)).toEqual(all(ana.store));
    expect(all(cy.store)).toEqual(all(ana.store));
  });

  it('a contributor cannot stop everyone’s turns until made arbiter; once removed, their page says so and sends nothing', async () => {
    const ana = browser(['claude'], { 'claude-model': [{ text: 'A long answer', hold: true }] });
    const bo = browser([]);
    await shareAndJoin(ana.store, { store: bo.store, name: 'Bo' });
    ana.store.getState().send('@claude go on');
    await ana.adapters.holding();
    bo.store.getState().stopAll();
    await until(() => bo.store.getState().notice !== null, 'Bo is told why not');
    expect(bo.store.getState().notice).toMatch(/refused/i);
    expect(ana.adapters.calls[0]!.aborted).toBe(false);

    ana.store.getState().setMemberRole(bo.store.getState().shared!.me.memberId, 'arbiter');
    await until(() => bo.store.getState().shared?.role === 'arbiter', 'Bo is arbiter');
    bo.store.getState().stopAll();
    await until(() => ana.adapters.calls[0]!.aborted, 'Ana’s turn was stopped');
    await settle(() => ana.store.getState().roundActive);

    ana.store.getState().removeMember(bo.store.getState().shared!.me.memberId);
    await until(() => bo.store.getState().shared?.status === 'refused', 'Bo learns he was removed');
    const before = ana.store.getState().log.length;
    bo.store.getState().send('Am I still here?');
    expect(bo.store.getState().notice).toMatch(/removed you/);
    expect(texts(bo.store.getState())).not.toContain('Am I still here?');
    expect(ana.store.getState().log.length).toBe(before);
  });
});
