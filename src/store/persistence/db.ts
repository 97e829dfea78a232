/**
 * PeerChat's IndexedDB database (through Dexie). Everything this browser keeps lives here; nothing leaves it.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ArbiterState, CoreEvent, RoomEvent, RoundEndReason } from '../../core/index.ts';
import type { RoomData, TranscriptMessage } from '../types.ts';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** One conversation's header: the room, the arbiter's plain-data state and where the transcript ends. */
export interface ConversationRecord {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  room: RoomData;
  arbiter: ArbiterState | null;
  lastRoundEnd: RoundEndReason | null;
  /** The newest room event this record (with the messages) reflects: it is the snapshot the room log goes on from. */
  logLamport?: number;
  /** The message ids of the versions shown, in order (other versions are stored too). */
  pathIds?: string[];
  /** Set while a deletion can still be undone; such conversations are hidden. */
  deletedAt?: number;
}

/** A transcript message, stored under its conversation; `seq` keeps transcript order. */
export type MessageRecord = TranscriptMessage & { conversationId: string; seq: number };

export type EventRecord = CoreEvent & { conversationId: string };

/** One event of a conversation's room log (src/core/room/events.ts), keyed by its Lamport number. */
export interface RoomLogRecord {
  conversationId: string;
  lamport: number;
  event: RoomEvent;
}

/** An attached file's bytes, stored once under the SHA-256 of the bytes (`AttachmentRef.id`). */
export interface AttachmentRecord {
  id: string;
  mimeType: string;
  size: number;
  bytes: Uint8Array;
  /** A text file's content (UTF-8), or the text extracted from a PDF. */
  text?: string;
  /** When it was first stored: a file not yet on any message is kept a while (it may be about to be sent). */
  storedAt: number;
}

/** One conversation's use of an attachment: what keeps it stored. */
export interface AttachmentUseRecord {
  attachmentId: string;
  conversationId: string;
}

export class PeerChatDb extends Dexie {
  settings!: EntityTable<SettingRecord, 'key'>;
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: Table<MessageRecord, [string, string]>;
  events!: Table<EventRecord, [string, number]>;
  roomLog!: Table<RoomLogRecord, [string, number]>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  attachmentUses!: Table<AttachmentUseRecord, [string, string]>;

  constructor(name = 'peerchat') {
    super(name);
    this.version(1).stores({ settings: 'key' });
    this.version(2).stores({
      settings: 'key',
      conversations: 'id, updatedAt',
      messages: '[conversationId+id], [conversationId+seq]',
      events: '[conversationId+lamport]',
    });
    // The room log; conversations stored before it have none, and their log starts at their stored snapshot.
    this.version(3).stores({ roomLog: '[conversationId+lamport]' });
    // Attached files, once each by content hash, and which conversations use them (deleting the last use frees one).
    this.version(4).stores({ attachments: 'id', attachmentUses: '[attachmentId+conversationId], conversationId' });
  }
}
