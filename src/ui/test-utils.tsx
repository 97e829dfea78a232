/** Renders components over a fresh facilitator store with scripted adapters (for component tests). */
import 'fake-indexeddb/auto';
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { StoreApi } from 'zustand';
import type { PeerAdapter, RoomData, RoomStore, TranscriptMessage } from '../store/index.ts';
import { createFacilitatorStore, createLibraryStore } from '../store/index.ts';
import {
  startAutosave,
  type Autosave,
  PeerChatDb,
  roundOver,
  scriptedAdapters,
  testDeps,
  testRoom,
  type ScriptedReply,
} from '../store/testing.ts';
import { LibraryStoreProvider } from './state/library-store.tsx';
import { RoomStoreProvider } from './state/room-store.tsx';

interface RoomOptions {
  script?: Record<string, ScriptedReply[]>;
  room?: RoomData;
  /** Changes what the scripted adapter does, e.g. to make `listModels` fail. */
  wrapAdapter?: (adapter: PeerAdapter) => PeerAdapter;
}

function roomFixture({ script = {}, room = testRoom(), wrapAdapter = (adapter) => adapter }: RoomOptions) {
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore(testDeps((settings) => wrapAdapter(adapters.adapterFor(settings)), room));
  /** Waits until the round is over and no message streams. */
  const done = () => act(() => roundOver(store));
  return { store, adapters, done, user: userEvent.setup() };
}

export function renderWithRoom(ui: ReactElement, options: RoomOptions = {}) {
  const fixture = roomFixture(options);
  const view: RenderResult = render(<RoomStoreProvider store={fixture.store}>{ui}</RoomStoreProvider>);
  return { ...view, ...fixture };
}

const libraries: { db: PeerChatDb; autosave: Autosave }[] = [];
afterEach(async () => {
  if (libraries.length === 0) return;
  cleanup();
  for (const { db, autosave } of libraries.splice(0)) {
    await autosave.stop();
    await db.delete();
  }
});

/** A conversation library over IndexedDB (fake-indexeddb) and the room store, saved as the app saves it. */
export function libraryFixture(store: StoreApi<RoomStore>) {
  const db = new PeerChatDb(`ui-test-${Math.random()}`);
  const autosave = startAutosave(store, db, { intervalMs: 1 });
  libraries.push({ db, autosave });
  let copies = 0;
  const library = createLibraryStore({
    db: async () => db,
    room: store,
    now: () => Date.now(),
    newId: () => `copy-${++copies}`,
    flushPending: autosave.flush,
  });
  return { db, library };
}

/** Renders over a room store and a conversation library that stores into a fresh fake IndexedDB. */
export function renderWithLibrary(ui: ReactElement, options: RoomOptions = {}) {
  const fixture = roomFixture(options);
  const { db, library } = libraryFixture(fixture.store);
  const wrap = (children: ReactNode) => (
    <RoomStoreProvider store={fixture.store}>
      <LibraryStoreProvider store={library}>{children}</LibraryStoreProvider>
    </RoomStoreProvider>
  );
  const view: RenderResult = render(wrap(ui));
  /** Sends a message as the human and waits for the round to end. */
  const talk = async (text: string) => {
    act(() => void fixture.store.getState().send(text));
    await fixture.done();
  };
  return { ...view, ...fixture, db, library, talk };
}

/** A finished human message, for seeding a transcript directly. */
export function humanMessage(id: string, text: string): TranscriptMessage {
  return { id, kind: 'human', authorId: 'human', text, status: 'complete', modeId: 'collaborative', createdAt: 0 };
}

/** A peer message (authorId is a `testRoom` seat id such as `id-claude`). */
export function peerMessage(id: string, authorId: string, patch: Partial<TranscriptMessage> = {}): TranscriptMessage {
  return {
    id,
    kind: 'peer',
    authorId,
    text: `reply ${id}`,
    status: 'complete',
    modeId: 'collaborative',
    reason: { kind: 'human-forced' },
    createdAt: 0,
    ...patch,
  };
}
