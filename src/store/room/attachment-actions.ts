/**
 * The files waiting in the composer: attached (read, scaled or extracted, and stored by content hash) before they
 * are sent with the next message. Refused files (over a cap, an unsupported type, unreadable) change nothing.
 */
import { attachmentLimitProblem } from '../../core/index.ts';
import type { AttachmentRef } from '../../core/index.ts';
import type { Result } from '../types.ts';
import { attachmentKindOf, prepareAttachment, UNSUPPORTED_FILE } from '../attachments/prepare.ts';
import type { AttachmentStorage, StoredAttachment } from '../attachments/storage.ts';
import type { RoomContext } from './context.ts';

/** A file waiting in the composer. */
export interface PendingAttachment {
  ref: AttachmentRef;
  /** Its size as picked, before scaling: the caps apply to it. */
  pickedSize: number;
}

export interface AttachmentState {
  pendingAttachments: PendingAttachment[];
  /** How many picked files are still being read; sending waits for them. */
  attachmentsReading: number;
}

export interface AttachmentActions {
  /** Reads and stores files for the next message. All or nothing: one refused file refuses them all. */
  attachFiles(files: readonly File[]): Promise<Result>;
  removeAttachment(id: string): void;
  /** Attached files by id, from this browser or a shared room's server; one that is nowhere is absent. */
  readAttachments(ids: readonly string[]): Promise<Map<string, StoredAttachment>>;
}

export const NO_PENDING_ATTACHMENTS: AttachmentState = { pendingAttachments: [], attachmentsReading: 0 };

export const STILL_READING_FILES = 'The attached files are still being read. Send again in a moment.';

export function attachmentActions(ctx: RoomContext, storage: AttachmentStorage): AttachmentActions {
  const { get, set } = ctx;
  return {
    async attachFiles(files) {
      const unsupported = files.find((file) => attachmentKindOf(file) === null);
      if (unsupported) return { ok: false, message: UNSUPPORTED_FILE(unsupported.name) };
      const picked = [
        ...get().pendingAttachments.map(({ ref, pickedSize }) => ({
          name: ref.name,
          size: pickedSize,
          kind: ref.kind,
        })),
        ...files.map((file) => ({ name: file.name, size: file.size, kind: attachmentKindOf(file) ?? 'text' })),
      ];
      const problem = attachmentLimitProblem(picked);
      if (problem) return { ok: false, message: problem };
      set((state) => ({ attachmentsReading: state.attachmentsReading + files.length }));
      try {
        const prepared = await Promise.all(files.map(prepareAttachment));
        for (const file of prepared) {
          const { ref, bytes, text } = file;
          await storage.save({ id: ref.id, mimeType: ref.mimeType, size: ref.size, bytes, ...(text ? { text } : {}) });
        }
        set((state) => {
          const known = new Set(state.pendingAttachments.map((pending) => pending.ref.id));
          const added = prepared
            .filter((file) => !known.has(file.ref.id) && known.add(file.ref.id))
            .map(({ ref, pickedSize }) => ({ ref, pickedSize }));
          return { pendingAttachments: [...state.pendingAttachments, ...added] };
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : 'The files could not be read.' };
      } finally {
        set((state) => ({ attachmentsReading: state.attachmentsReading - files.length }));
      }
    },
    removeAttachment: (id) =>
      set((state) => ({ pendingAttachments: state.pendingAttachments.filter((pending) => pending.ref.id !== id) })),
    readAttachments: (ids) => storage.load(ids),
  };
}
