/**
 * The app's one facilitator store, wired to the real adapters and the browser's frame clock, and the hook
 * components read it with. Tests build their own store with `createFacilitatorStore`.
 */
import { v4 as randomId } from 'uuid';
import { useStore } from 'zustand';
import { createLazyAdapter } from '../adapters/index.ts';
import type { PeerAdapter, ProviderSettings } from '../adapters/index.ts';
import { defaultRoom } from './default-room.ts';
import { createFacilitatorStore } from './facilitator.ts';
import { createLibraryStore, type LibraryStore } from './library.ts';
import { databaseAttachmentStorage } from './persistence/attachments.ts';
import type { Autosave } from './persistence/autosave.ts';
import {
  loadIntoRoom,
  readNewestConversation,
  readNewestEarly,
  readTheRest,
  showConversation,
  STORED_SCHEMA_VERSION,
} from './persistence/open.ts';
import { storageCode } from './persistence/storage-code.ts';
import type { PeerChatDb } from './persistence/db.ts';
import type { RoomStore, SavedConversation } from './types.ts';
import { addressFromFragment, rememberMember } from './sharing/invite.ts';

// The store's public API: the only module the UI imports (eslint.config.js). What the UI needs of the layers
// below comes through here too, so a component never reaches past the store.
export type * from './types.ts';
export { createFacilitatorStore, modesOf, MAX_MESSAGE_CHARS, readOnlyNotice } from './facilitator.ts';
export type { LibraryActions, LibraryStore } from './library.ts';
export { createLibraryStore, UNDO_DELETE_MS } from './library.ts';
// Attachments: what the composer says about images before sending, and the stored bytes to show a file
export { visionWarning } from './attachments/resolve.ts';
export { ATTACHABLE_FILE_TYPES } from './attachments/prepare.ts';
export { ATTACHMENT_LIMITS } from '../core/index.ts';
export type { ConversationSummary } from './persistence/conversations.ts';
export type { ConversationFile, ConversationFormat } from './conversation-files.ts';
import { exportConversation as exportWithFiles, type ConversationFormat } from './conversation-files.ts';

// What the conversation costs, and the models to choose from with their prices
export type { ConversationSpend, MessageSpend, PeerSpend, RoundSpend, Spend } from './costs/spend.ts';
export { conversationSpend, createSpendSelector, messageSpend } from './costs/spend.ts';
export type { ModelChoice, ModelPriceRow } from './costs/model-choices.ts';
export { filterModelChoices, modelChoices, modelPriceRows } from './costs/model-choices.ts';
export { MAX_PRICE_PER_MTOK } from './costs/prices.ts';

// From the file formats
export type { ConversationSnapshot } from '../formats/index.ts';
export type { EvalStrategyRow, EvalSummary } from '../formats/eval-results/parse.ts';

/** Reads an evaluation's `results.json` (`npm run eval`); the parser (zod) loads on first use. */
export async function readEvalResults(text: string) {
  const { parseEvalResults } = await import('../formats/eval-results/parse.ts');
  return parseEvalResults(text);
}
export { fileStem, savedFromSnapshot } from '../formats/index.ts';

// From the adapters: the model catalog and the OpenAI-compatible presets the forms offer
export type { PeerAdapter } from '../adapters/index.ts';
export { COMPATIBLE_PRESETS, lookupModel, MODEL_CATALOG, presetForBaseURL } from '../adapters/index.ts';
// The demo room's suggested prompts, each a hand-written script that shows one mechanic
export type { DemoScript } from '../adapters/index.ts';
export { loadDemoScripts } from '../adapters/index.ts';
// A seat's DAP provider default and why (the peer card shows where each factor of p comes from)
export { providerDefault } from '../adapters/index.ts';

// From the core: the room's rules and words the UI shows, and the types of what it renders
export type {
  ConversationLimits,
  CoreEvent,
  CouncilNote,
  CouncilRequest,
  CouncilStrategy,
  DapFactorName,
  DapOverrides,
  DapParams,
  DapPresetId,
  DapProbability,
  HumanOverrideAction,
  LimitOverrides,
  MentionResult,
  MentionSpan,
  MessageStatus,
  NumberRule,
  PeerSettings,
  ProviderId,
  RoundEndReason,
  TurnReason,
  TurnSkipReason,
} from '../core/index.ts';
export {
  councilSupport,
  COUNCIL_STRATEGIES,
  DAP_FACTOR_NAMES,
  DAP_ORDER_MESSAGE,
  DAP_PARAM_RULES,
  DAP_PRESETS,
  groupVersions,
  LIMIT_RULES,
  MAX_NAME_LENGTH,
  numberRuleMessage,
  parseMentions,
  PEER_COLOURS,
  roundEndWords,
  SEAT_SETTING_RULES,
  SEAT_TEXT_RULES,
  smallestAccepted,
  textRuleMessage,
  validateRoomSettings,
  versionKey,
} from '../core/index.ts';
// Reasoning and endings: what a seat may ask of its model's reasoning, and the words a message shows
export type { ReasoningEffort, ReasoningRecord, ReasoningRequest, TurnEnding } from '../core/index.ts';
export {
  endingWords,
  REASONING_BUDGET_RULE,
  REASONING_EFFORTS,
  reasoningFigures,
  REDACTED_REASONING_NOTE,
} from '../core/index.ts';

/** One adapter per distinct settings, so an SDK client is built once and reused across turns. */
const adapters = new Map<string, PeerAdapter>();
function adapterFor(settings: ProviderSettings): PeerAdapter {
  const key = JSON.stringify(settings);
  let adapter = adapters.get(key);
  if (!adapter) {
    adapter = createLazyAdapter(settings);
    adapters.set(key, adapter);
  }
  return adapter;
}

const attachmentStorage = databaseAttachmentStorage(() => openDatabase(), Date.now);

/** A stored attachment's bytes as a Blob of its type (to show an image or open a file), or undefined. */
export async function attachmentBlob(id: string, mimeType: string): Promise<Blob | undefined> {
  const file = (await roomStore.getState().readAttachments([id])).get(id);
  return file && new Blob([file.bytes as BlobPart], { type: mimeType });
}

/**
 * The open conversation as a file of `format`, with its attached files (from this browser's storage, or fetched from
 * a shared room's server).
 */
export const exportConversation = (state: RoomStore, format: ConversationFormat) =>
  exportWithFiles(state, format, { ...attachmentStorage, load: (ids) => state.readAttachments(ids) });

// Ids come from `uuid`, not `crypto.randomUUID`, which exists only in secure contexts: a room opened on a LAN over
// plain http (`npm start -- --host 0.0.0.0`) is not one.
export const roomStore = createFacilitatorStore({
  adapterFor,
  now: () => Date.now(),
  newId: randomId,
  newSeed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
  requestFrame: (flush) =>
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(flush) : setTimeout(flush, 16),
  initialRoom: defaultRoom(crypto.getRandomValues(new Uint32Array(1))[0]!),
  attachments: attachmentStorage,
});

/** Reads the room store; pass a selector that picks only what the component shows. */
export function useRoom<T>(selector: (state: RoomStore) => T): T {
  return useStore(roomStore, selector);
}

/** Resolves after the browser has drawn the next frame (a task posted from a frame callback runs after it). */
function nextFrameDrawn(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Resolves once the next frame is drawn and the page is idle (or 250 ms later at most): for reading the rest of a
 * conversation just shown, so that typing into it right away goes first.
 */
function drawnThenIdle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return nextFrameDrawn();
  return new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 250 })));
}

let database: Promise<PeerChatDb> | undefined;
/** IndexedDB through Dexie, loaded and opened on first use so neither is in the first page load. */
function openDatabase(): Promise<PeerChatDb> {
  database ??= storageCode().then(([{ PeerChatDb }]) => new PeerChatDb());
  return database;
}

let autosave: Autosave | undefined;

export const libraryStore = createLibraryStore({
  db: openDatabase,
  room: roomStore,
  now: () => Date.now(),
  newId: randomId,
  flushPending: async () => {
    await autosave?.flush();
  },
  shown: drawnThenIdle,
});

/** Reads the conversation library (the sidebar's list). */
export function useLibrary<T>(selector: (state: LibraryStore) => T): T {
  return useStore(libraryStore, selector);
}

/**
 * Loads what this browser remembers (provider settings, the newest conversation) and keeps saving. Called once
 * at start-up. `opened` is called as soon as the newest conversation is in the room (or there is none), so the page
 * can render it in its first render.
 */
export async function startPersistence(opened: () => void = () => {}): Promise<void> {
  // Started as the page's script started (fetch-early.ts): it has been reading while the app loaded.
  const early = readNewestEarly();
  // A page opened on a shared room's invite shows that room instead of the newest stored conversation.
  const invited = typeof location !== 'undefined' && addressFromFragment(location.hash) !== null;
  // The newest conversation goes into the room as soon as it is read, when the storage code will open the database
  // as it was read (no upgrade): the first render waits for the read, not for Dexie to load and open.
  let shownEarly: { saved: SavedConversation; loaded: RoomStore } | undefined;
  void early.then((read) => {
    // Nothing stored to open: nothing to wait for.
    if (read && !read.saved) return opened();
    // Something said before storage opened stays: the stored conversation is then left in the list.
    if (invited || !read?.saved || read.version !== STORED_SCHEMA_VERSION) return;
    if (roomStore.getState().messageIds.length > 0) return;
    const loaded = loadIntoRoom(roomStore, read.saved);
    if (!loaded) return;
    shownEarly = { saved: read.saved, loaded };
    performance.mark('peerchat:conversation-in-room');
    opened();
  });
  // The storage code loads after the read, so the read has the main thread to itself once the app is evaluated, and
  // after the first frame when the conversation was shown early, so that frame is not held up by it either.
  await early;
  if (shownEarly) await nextFrameDrawn();
  const [db, [, { persistSettings }, { startAutosave, webLocks }]] = await Promise.all([openDatabase(), storageCode()]);
  performance.mark('peerchat:storage-code');
  const [read] = await Promise.all([early, db.open()]);
  performance.mark('peerchat:storage-open');
  const locks = typeof navigator !== 'undefined' && navigator.locks ? { locks: webLocks(navigator.locks) } : {};
  // Saving starts before any other conversation opens, so it sees that opening as a switch to a stored one; one
  // shown early is taken as stored as it was loaded, so what changed since (a message already sent) is written.
  autosave = startAutosave(roomStore, db, { ...locks, ...(shownEarly ? { opened: shownEarly.loaded } : {}) });
  const settings = persistSettings(roomStore, db);
  if (shownEarly) void readTheRest(roomStore, db, shownEarly.saved, drawnThenIdle);
  else {
    // Read again through Dexie when the early read could not read, or read a database Dexie has since upgraded.
    const saved = read && read.version === db.backendDB().version ? read.saved : await readNewestConversation(db);
    if (saved && !invited && roomStore.getState().messageIds.length === 0)
      void showConversation(roomStore, db, saved, drawnThenIdle);
    performance.mark('peerchat:conversation-in-room');
    opened();
  }
  await settings;
  window.addEventListener('pagehide', () => void autosave?.flush());
  await drawnThenIdle();
  await libraryStore.getState().refresh();
}

// Shared rooms: the invite link, and who this device is in each room it joined (kept in localStorage)
export type { PresenceEntry, SharedIdentity, SharedRoomAddress, SharedStatus } from './sharing/connection.ts';
export type { SharedRoomSession, SharedRoomView } from './sharing/shared-actions.ts';
export type { Member, MemberRole } from '../core/index.ts';
export { addressFromFragment, inviteFragment, rememberedMember } from './sharing/invite.ts';

// A member's identity is kept as soon as they share or join, so a reload comes back as the same member.
roomStore.subscribe((state, previous) => {
  const session = state.sharedSession;
  if (session === null || session === previous.sharedSession || typeof localStorage === 'undefined') return;
  rememberMember(localStorage, session.address.roomId, session.identity);
});

// The installed app: its service worker and the "new version ready" prompt
export type { AppUpdateState } from './app-update.ts';
export { startServiceWorker, useAppUpdate } from './app-update.ts';
