/**
 * The benchmark's seed page, served beside the built app (same origin, so the same IndexedDB). It imports the
 * benchmark conversation with the app's own code — the library's `importConversation`, which the "Import
 * conversation" control calls: parse and check the PeerChat JSON, store it in IndexedDB, open it.
 */
import { libraryStore } from '../../src/store/index.ts';

export interface SeedResult {
  ok: boolean;
  message?: string;
  fetchMs: number;
  importMs: number;
  stored: number;
}

const FIXTURE = new URLSearchParams(location.search).get('file') ?? '/__bench/conversation.peerchat.json';

async function seed(): Promise<SeedResult> {
  const started = performance.now();
  const text = await (await fetch(FIXTURE)).text();
  const fetched = performance.now();
  const result = await libraryStore.getState().importConversation(text);
  const imported = performance.now();
  return {
    ok: result.ok,
    ...(result.ok ? {} : { message: result.message }),
    fetchMs: fetched - started,
    importMs: imported - fetched,
    stored: libraryStore.getState().conversations.length,
  };
}

const target = window as unknown as { __benchSeed?: SeedResult };
seed().then(
  (result) => (target.__benchSeed = result),
  (error: unknown) => (target.__benchSeed = { ok: false, message: String(error), fetchMs: 0, importMs: 0, stored: 0 }),
);
