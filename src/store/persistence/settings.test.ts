import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFacilitatorStore } from '../facilitator.ts';
import { scriptedAdapters, testDeps } from '../testing.ts';
import { PeerChatDb } from './db.ts';
import { loadSettings, persistSettings } from './settings.ts';

let dbCount = 0;
const dbs: PeerChatDb[] = [];
function freshDb() {
  const db = new PeerChatDb(`test-${++dbCount}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const newStore = () => createFacilitatorStore(testDeps(scriptedAdapters({}).adapterFor));
/** Waits until what is stored passes `check` (settings are written as they change, without being awaited). */
const storedSettings = (db: PeerChatDb, check: (stored: Awaited<ReturnType<typeof loadSettings>>) => void) =>
  vi.waitFor(async () => check(await loadSettings(db)), { timeout: 10_000, interval: 5 });

describe('provider settings in IndexedDB', () => {
  it('remembers keys and base URLs across visits', async () => {
    const db = freshDb();
    const first = newStore();
    await persistSettings(first, db);
    first.getState().setProvider('openai', { apiKey: 'sk-remember-me' });
    first.getState().setProvider('openai-compatible', { baseURL: 'http://localhost:11434/v1', presetId: 'ollama' });
    await storedSettings(db, (stored) => expect(stored.providers['openai-compatible']?.presetId).toBe('ollama'));
    const second = newStore();
    await persistSettings(second, db);
    expect(second.getState().providers.openai?.apiKey).toBe('sk-remember-me');
    expect(second.getState().providers['openai-compatible']?.baseURL).toBe('http://localhost:11434/v1');
  });

  it('remembers the user’s model prices across visits, and forgets one reset to the catalog', async () => {
    const db = freshDb();
    const first = newStore();
    await persistSettings(first, db);
    first.getState().setModelPrices('gpt-4.1', { inputPricePerMTok: 1, outputPricePerMTok: 4 });
    first.getState().setModelPrices('gpt-4o', { inputPricePerMTok: 2, outputPricePerMTok: 5 });
    first.getState().resetModelPrices('gpt-4o');
    await storedSettings(db, (stored) =>
      expect(stored.modelOverrides).toEqual({ 'gpt-4.1': { inputPricePerMTok: 1, outputPricePerMTok: 4 } }),
    );
    const second = newStore();
    await persistSettings(second, db);
    expect(second.getState().modelOverrides).toEqual({ 'gpt-4.1': { inputPricePerMTok: 1, outputPricePerMTok: 4 } });
  });

  it('leaves out stored model prices that are not good ones', async () => {
    const db = freshDb();
    await db.settings.put({
      key: 'modelOverrides',
      value: {
        good: { inputPricePerMTok: 1, outputPricePerMTok: 2 },
        negative: { inputPricePerMTok: -1, outputPricePerMTok: 2 },
        text: { inputPricePerMTok: '1', outputPricePerMTok: 2 },
        empty: null,
      },
    });
    expect((await loadSettings(db)).modelOverrides).toEqual({ good: { inputPricePerMTok: 1, outputPricePerMTok: 2 } });
  });

  it('keeps keys in memory only when told not to remember them, and deletes stored ones', async () => {
    const db = freshDb();
    const store = newStore();
    await persistSettings(store, db);
    store.getState().setProvider('anthropic', { apiKey: 'sk-ant-stored', baseURL: 'https://example.test' });
    await storedSettings(db, (stored) => expect(stored.providers.anthropic?.apiKey).toBe('sk-ant-stored'));
    store.getState().setRememberKeys(false);
    await storedSettings(db, (stored) => expect(stored.rememberKeys).toBe(false));
    expect(store.getState().providers.anthropic?.apiKey).toBe('sk-ant-stored');
    const stored = await loadSettings(db);
    expect(stored.rememberKeys).toBe(false);
    expect(stored.providers.anthropic).toEqual({ baseURL: 'https://example.test' });
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('sk-ant-stored');
  });
});
