/**
 * The file formats' public API: the room file (profile §11), PeerChat JSON, Markdown and the MPLP bundle
 * (docs/exports.md). Pure code over the core's types; nothing here touches the store, the adapters or storage.
 *
 * Only what is light is exported here, so importing this module keeps zod out of the first page load. The
 * parsers and writers that need zod are loaded with `import()` on first use:
 * - `./exports.ts`: snapshot, Markdown, PeerChat JSON (write and parse) and the MPLP bundle;
 * - `./room-file/parse.ts`: `parseRoomFile`.
 */
export { fileStem } from './file-names.ts';
export { ROOM_FILE_FORMAT, ROOM_FILE_VERSION, serializeRoom } from './room-file/room-file.ts';
export type { ParsedRoom, RoomFile } from './room-file/parse.ts';
export type { ConversationSnapshot, FormerPeer, SnapshotMeta, SnapshotSource } from './conversation/snapshot.ts';
export { savedFromSnapshot, snapshotOf } from './conversation/snapshot.ts';
export type { ParsedConversation, PeerChatJsonFile } from './conversation/peerchat-json.ts';
export type { MplpBundle } from './mplp/types.ts';
