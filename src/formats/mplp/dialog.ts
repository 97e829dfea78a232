/**
 * The transcript as an MPLP dialog (`dialog.json`). Each message keeps its text verbatim in `content`; who wrote
 * it, its status, mode and turn travel in `event.data` (the schema's only open object on a message):
 * the human's messages have role `user`, peers' `agent`, PeerChat notices `system`. MPLP v1.0 has no field for a
 * model's reasoning or for why a reply ended, so a peer's `reasoning` and `ending` travel in `event.data` too.
 */
import type { TranscriptMessage } from '../../core/index.ts';
import { iso, metaOf, type MplpIds } from './ids.ts';
import type { JsonObject, MplpDialog, MplpDialogMessage } from './types.ts';
import { participantOf, type ConversationSnapshot } from '../conversation/snapshot.ts';

/** Source of every dialog message event. */
export const DIALOG_EVENT_SOURCE = 'peerchat.dialog';

/** Builds `dialog.json`. `endedAt` is the session's end, when it has ended. */
export function mplpDialogOf(snapshot: ConversationSnapshot, ids: MplpIds, endedAt: number | null): MplpDialog {
  return {
    meta: metaOf(snapshot),
    dialog_id: ids.dialog,
    context_id: ids.context,
    status: endedAt === null ? 'active' : 'completed',
    messages: snapshot.messages.map((message) => dialogMessage(snapshot, ids, message)),
    started_at: iso(snapshot.createdAt),
    ...(endedAt === null ? {} : { ended_at: iso(endedAt) }),
  };
}

function dialogMessage(snapshot: ConversationSnapshot, ids: MplpIds, message: TranscriptMessage): MplpDialogMessage {
  const data: JsonObject = {
    author: authorOf(snapshot, ids, message),
    status: message.status,
    ...(message.modeId === undefined ? {} : { mode: message.modeId }),
    ...(message.roundId === undefined ? {} : { round_id: ids.round(message.roundId) }),
    ...(message.turnId === undefined ? {} : { token_id: ids.turn(message.turnId) }),
    ...(message.reason === undefined ? {} : { reason_kind: message.reason.kind }),
    ...(message.error === undefined ? {} : { error: { reason: message.error.reason, message: message.error.message } }),
    ...(message.error === undefined && message.errorReason !== undefined
      ? { error: { reason: message.errorReason } }
      : {}),
    ...(message.tokens === undefined ? {} : { tokens: { input: message.tokens.input, output: message.tokens.output } }),
    ...(message.costUsd === undefined ? {} : { cost_usd: message.costUsd }),
    ...(message.stopReason === undefined ? {} : { stop_reason: message.stopReason }),
    ...(message.latencyMs === undefined
      ? {}
      : { latency_ms: { first_token: message.latencyMs.firstToken, total: message.latencyMs.total } }),
    ...reasoningData(message),
  };
  const timestamp = iso(message.createdAt);
  return {
    role: message.kind === 'human' ? 'user' : message.kind === 'peer' ? 'agent' : 'system',
    content: message.text,
    timestamp,
    event: {
      event_id: ids.message(message.id),
      event_type: `peerchat.message.${message.kind}`,
      source: DIALOG_EVENT_SOURCE,
      timestamp,
      data,
    },
  };
}

/** A peer's reasoning and ending as `event.data` fields (snake case, like the rest of it). */
function reasoningData(message: TranscriptMessage): JsonObject {
  const { reasoning, ending } = message;
  return {
    ...(reasoning === undefined
      ? {}
      : {
          reasoning: {
            text: reasoning.text,
            ...(reasoning.redacted === undefined ? {} : { redacted: reasoning.redacted }),
            ...(reasoning.tokens === undefined ? {} : { tokens: reasoning.tokens }),
            ...(reasoning.durationMs === undefined ? {} : { duration_ms: reasoning.durationMs }),
          },
        }),
    ...(ending === undefined
      ? {}
      : {
          ending: {
            kind: ending.kind,
            provider_reason: ending.providerReason,
            ...(ending.refusal === undefined ? {} : { refusal: ending.refusal }),
          },
        }),
  };
}

/** `{ kind, participant_id, role_id, handle, display_name }`; a notice's author is PeerChat itself. */
function authorOf(snapshot: ConversationSnapshot, ids: MplpIds, message: TranscriptMessage): JsonObject {
  if (message.kind === 'notice') return { kind: 'system', display_name: 'PeerChat' };
  const participant = participantOf(snapshot, message.authorId);
  return {
    kind: message.kind === 'human' ? 'human' : 'agent',
    participant_id: message.authorId,
    role_id: ids.role(message.authorId),
    ...(participant === undefined ? {} : { handle: participant.handle, display_name: participant.displayName }),
  };
}
