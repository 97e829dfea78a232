/**
 * The human's intents in the conversation: write, edit, switch versions, and the controls over turns (profile §8).
 * Each checks what only the store knows (read-only, still opening, input limits) and commits a room event.
 */
import { MAX_MESSAGE_CHARS } from '../../core/index.ts';
import type { AttachmentRef, CouncilRequest, HumanControl } from '../../core/index.ts';
import { STILL_READING_FILES } from './attachment-actions.ts';
import type { Result, RoomActions } from '../types.ts';
import type { RoomContext } from './context.ts';

/** The longest human message accepted is the core's, the same that imported files hold to. */
export { MAX_MESSAGE_CHARS };

type ConversationActions = Pick<
  RoomActions,
  | 'send'
  | 'editAndRerun'
  | 'showVersion'
  | 'stopAll'
  | 'stopPeer'
  | 'skipNext'
  | 'speakNow'
  | 'regenerate'
  | 'mute'
  | 'unmute'
>;

export function conversationActions(ctx: RoomContext): ConversationActions {
  const { deps, get, set } = ctx;

  /** Appends a human message and opens its round; `edits` names the message it is an edited version of. */
  const postHumanMessage = (
    text: string,
    edits?: string,
    attachments: AttachmentRef[] = [],
    council: CouncilRequest | null = get().councilDefault ?? null,
  ): Result => {
    const blocked = ctx.blockedReason();
    if (blocked) return { ok: false, message: blocked };
    if (text.trim() === '' && attachments.length === 0) return { ok: false, message: 'Write something first.' };
    if (text.length > MAX_MESSAGE_CHARS)
      return { ok: false, message: `That message is over ${MAX_MESSAGE_CHARS.toLocaleString('en')} characters.` };
    // The round this message opens draws its speakers with each adapter's current profile.
    ctx.syncProfiles();
    return ctx.commit(
      {
        type: 'human-message',
        messageId: deps.newId(),
        text,
        ...(edits !== undefined ? { edits } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(council !== null ? { council } : {}),
      },
      { beforeEffects: ctx.refreshContextFills },
    );
  };

  /** A control the human may use while the conversation can change; its refusal is also shown as the notice. */
  const guardedControl = (control: HumanControl): Result => {
    const blocked = ctx.blockedReason();
    if (blocked) return { ok: false, message: blocked };
    set({ notice: null });
    return ctx.commit({ type: 'human-control', control });
  };

  return {
    send(text, options = {}) {
      if (get().attachmentsReading > 0) return { ok: false, message: STILL_READING_FILES };
      const attachments = get().pendingAttachments.map((pending) => pending.ref);
      const result = postHumanMessage(text, undefined, attachments, options.council);
      if (result.ok && attachments.length > 0) set({ pendingAttachments: [] });
      return result;
    },

    editAndRerun(messageId, text) {
      const original = get().messages[messageId];
      if (!original || original.kind !== 'human')
        return { ok: false, message: 'Only your own messages can be edited.' };
      if (!get().messageIds.includes(messageId))
        return { ok: false, message: 'That message is not on the branch you are viewing.' };
      return postHumanMessage(text, messageId, original.attachments);
    },

    showVersion(messageId) {
      if (!get().messages[messageId]) return;
      const blocked = ctx.blockedReason();
      if (blocked) return set({ notice: blocked });
      ctx.commit({ type: 'human-control', control: { type: 'show-version', messageId } });
      ctx.refreshContextFills();
    },

    stopAll: () => void ctx.commit({ type: 'human-control', control: { type: 'stop-all' } }),
    stopPeer: (peerId) => void ctx.commit({ type: 'human-control', control: { type: 'stop-peer', peerId } }),
    skipNext: () => void ctx.commit({ type: 'human-control', control: { type: 'skip-next' } }),
    speakNow: (peerId) => guardedControl({ type: 'speak-now', peerId }),

    regenerate(messageId) {
      const message = get().messages[messageId];
      if (!ctx.blockedReason() && (!message || message.kind !== 'peer'))
        return { ok: false, message: 'Only a peer’s message can be regenerated.' };
      return guardedControl({ type: 'regenerate', peerId: message?.authorId ?? '', messageId });
    },

    mute: (peerId) => void ctx.commit({ type: 'human-control', control: { type: 'mute', peerId } }),
    unmute: (peerId) => void ctx.commit({ type: 'human-control', control: { type: 'unmute', peerId } }),
  };
}
