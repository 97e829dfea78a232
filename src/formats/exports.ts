/**
 * The conversation formats (docs/exports.md), as one module to load with `import()`: Markdown for people,
 * PeerChat JSON (lossless, versioned, validated on import with zod) and the MPLP bundle of profile §9. Pure
 * functions over a snapshot that has no provider settings, so no export can contain an API key. Kept out of
 * `index.ts` so zod stays out of the first page load.
 */
export type { ConversationSnapshot, FormerPeer, SnapshotMeta, SnapshotSource } from './conversation/snapshot.ts';
export { savedFromSnapshot, snapshotOf } from './conversation/snapshot.ts';
export type { MarkdownOptions } from './markdown/markdown.ts';
export { toMarkdown } from './markdown/markdown.ts';
export type { AttachmentSection, ExportedAttachment } from './conversation/attachments.ts';
export { attachmentPaths, attachmentRefsOf } from './conversation/attachments.ts';
export type { ParsedConversation, PeerChatJsonFile } from './conversation/peerchat-json.ts';
export {
  CONVERSATION_FORMAT,
  CONVERSATION_VERSION,
  parsePeerChatJson,
  toPeerChatJson,
} from './conversation/peerchat-json.ts';
export { IMPORT_LIMITS } from './conversation/import-limits.ts';
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
} from './mplp/types.ts';
export { collabModeOf, mplpBundleFiles, toMplpBundle } from './mplp/bundle.ts';
