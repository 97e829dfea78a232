/**
 * Fixtures for persistence tests (IndexedDB through fake-indexeddb, which the test file imports first): fresh
 * databases, rooms with ids unique across the file, autosaves that are stopped and databases that are deleted after
 * each test.
 */
import { afterEach } from 'vitest';
import { createFacilitatorStore } from '../facilitator.ts';
import { scriptedAdapters, settle, testDeps, type ScriptedReply } from '../testing.ts';
import type { RoomStore } from '../types.ts';
import { startAutosave } from './autosave.ts';
import { PeerChatDb } from './db.ts';

export function persistenceFixtures(prefix: string) {
  let dbCount = 0;
  let storeCount = 0;
  const dbs: PeerChatDb[] = [];
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    for (const db of dbs.splice(0)) await db.delete();
  });

  return {
    freshDb(): PeerChatDb {
      const db = new PeerChatDb(`${prefix}-${++dbCount}`);
      dbs.push(db);
      return db;
    },
    newStore(script: Record<string, ScriptedReply[]> = {}) {
      const adapters = scriptedAdapters(script);
      const deps = testDeps(adapters.adapterFor);
      const ids = `${prefix}${++storeCount}-`;
      const store = createFacilitatorStore({ ...deps, newId: () => ids + deps.newId() });
      return { store, adapters };
    },
    /** Autosave, stopped after the test. */
    autosave(...args: Parameters<typeof startAutosave>) {
      const saver = startAutosave(...args);
      stops.push(saver.stop);
      return saver;
    },
  };
}

/** Resolves once no round runs and nothing streams. */
export const idle = (store: { getState(): RoomStore }) =>
  settle(
    () =>
      store.getState().roundActive || Object.values(store.getState().messages).some((m) => m.status === 'streaming'),
  );

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
