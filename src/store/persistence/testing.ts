/**
 * Fixtures for persistence tests (IndexedDB through fake-indexeddb, which the test file imports first): fresh
 * databases, rooms with ids unique across the file, autosaves that are stopped and databases that are deleted after
 * each test.
 */
import { afterEach, vi } from 'vitest';
import { createFacilitatorStore } from '../facilitator.ts';
import { roundOver, scriptedAdapters, testDeps, type ScriptedReply } from '../testing.ts';
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
export const idle = (store: { getState(): RoomStore }) => roundOver(store);

/**
 * Retries `check` (an assertion) until it passes, for what autosave writes on its own timer; throws the assertion's
 * error if it still fails after a few seconds.
 */
export const eventually = <T>(check: () => T | Promise<T>): Promise<T> =>
  vi.waitFor(check, { timeout: 10_000, interval: 5 });
