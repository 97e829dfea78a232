/**
 * The benchmark's seed page, served beside the built app (same origin, so the same IndexedDB). It stores the
 * benchmark conversation with the app's own code:
 * - `?via=import` (the default): the library's `importConversation`, which the "Import conversation" control calls:
 *   parse and check the PeerChat JSON, store it in IndexedDB, open it.
 * - `?via=store`: the same steps, called one by one, for a file past the import's 50 MB cap (the 100,000-message
 *   case, about 220 MB): the same safe JSON parse (with that cap lifted), schema and reference checks, the same
 *   conversion to a stored conversation and the same `storeConversation` write. Nothing is opened; the app opens
 *   the newest stored conversation at start-up.
 */
import { IMPORT_LIMITS } from '../../src/formats/conversation/import-limits.ts';
import { firstReferenceIssue } from '../../src/formats/conversation/references.ts';
import { parseJsonSafely } from '../../src/formats/conversation/safe-json.ts';
import { snapshotSchema } from '../../src/formats/conversation/snapshot-schema.ts';
import { savedFromSnapshot, type ConversationSnapshot } from '../../src/formats/conversation/snapshot.ts';
import { libraryStore } from '../../src/store/index.ts';
import { storeConversation } from '../../src/store/persistence/conversations.ts';

export interface SeedResult {
  ok: boolean;
  message?: string;
  via: 'import' | 'store';
  fetchMs: number;
  /** Parse and checks (with `via=store`; `importMs` covers them with `via=import`). */
  parseMs?: number;
  importMs: number;
  stored: number;
}

const params = new URLSearchParams(location.search);
const FIXTURE = params.get('file') ?? '/__bench/conversation.peerchat.json';
const VIA = params.get('via') === 'store' ? 'store' : 'import';

/** The import's steps past its file-size cap: what `parsePeerChatJson`, `savedFromSnapshot` and the library do. */
async function storeLarge(text: string): Promise<{ ok: true; parseMs: number } | { ok: false; message: string }> {
  const started = performance.now();
  const json = parseJsonSafely(text, { maxChars: Infinity, maxDepth: IMPORT_LIMITS.depth });
  if (!json.ok) return json;
  const file = json.value as { conversation: unknown };
  const parsed = snapshotSchema.safeParse(file.conversation);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'not valid' };
  // As the import does: the parsed JSON itself, not zod's copy.
  const snapshot = file.conversation as ConversationSnapshot;
  const issue = firstReferenceIssue(snapshot);
  if (issue) return { ok: false, message: `${issue.path}: ${issue.message}` };
  const parseMs = performance.now() - started;
  // Loaded as the app loads it (Dexie is not in the app's first page load).
  const { PeerChatDb } = await import('../../src/store/persistence/db.ts');
  const db = new PeerChatDb();
  await storeConversation(db, savedFromSnapshot(snapshot, snapshot.id), Date.now());
  db.close();
  return { ok: true, parseMs };
}

async function seed(): Promise<SeedResult> {
  const started = performance.now();
  const text = await (await fetch(FIXTURE)).text();
  const fetched = performance.now();
  const result = VIA === 'import' ? await libraryStore.getState().importConversation(text) : await storeLarge(text);
  const imported = performance.now();
  return {
    ok: result.ok,
    ...(result.ok ? {} : { message: result.message }),
    ...(result.ok && 'parseMs' in result ? { parseMs: result.parseMs as number } : {}),
    via: VIA,
    fetchMs: fetched - started,
    importMs: imported - fetched,
    stored: VIA === 'import' ? libraryStore.getState().conversations.length : 1,
  };
}

const target = window as unknown as { __benchSeed?: SeedResult };
seed().then(
  (result) => (target.__benchSeed = result),
  (error: unknown) =>
    (target.__benchSeed = { ok: false, message: String(error), via: VIA, fetchMs: 0, importMs: 0, stored: 0 }),
);
