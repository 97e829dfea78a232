/**
 * Conversation export and import (docs/exports.md): Markdown for people, PeerChat JSON (lossless, versioned,
 * validated on import) and the MPLP bundle of profile §9. Pure functions over a snapshot that has no provider
 * settings, so no export can contain an API key.
 */
export type { ConversationSnapshot, FormerPeer, SnapshotMeta, SnapshotSource } from './snapshot.ts';
export { snapshotOf } from './snapshot.ts';
export { toMarkdown } from './markdown.ts';
export type { ParsedConversation, PeerChatJsonFile } from './peerchat-json.ts';
export { CONVERSATION_FORMAT, CONVERSATION_VERSION, parsePeerChatJson, toPeerChatJson } from './peerchat-json.ts';
export { IMPORT_LIMITS } from './import-limits.ts';
export type {
  MapEventType,
  MplpBaseEvent,
  MplpBundle,
  MplpCollab,
  MplpContext,
  MplpDialog,
  MplpDialogMessage,
  MplpMapEvent,
  MplpRole,
  RoleFileName,
} from './mplp-types.ts';
export { collabModeOf, mplpBundleFiles, toMplpBundle } from './mplp-bundle.ts';
