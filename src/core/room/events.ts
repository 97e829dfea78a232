/**
 * The room log: the one ordered record of everything that happened to a conversation, from which the transcript,
 * its versions, the arbiter's state and the audit log are rebuilt (`replayRoom`). Each event is a fact that came
 * from outside the core: something the human did, a turn that opened or finished with its final text, a change of
 * settings or seats. Whatever the core decides from those facts (who speaks, why, when a round ends) is not logged
 * here but recomputed, which is what makes a room replayable; the audit log (`CoreEvent`) records those decisions.
 *
 * Events are plain JSON, stamped with an id (appending the same id twice changes nothing) and a Lamport number
 * (the log is in increasing Lamport order). This is the unit a shared room syncs.
 */
import { validateAdapterProfile, type AdapterProfile } from '../dap/adapter-profile.ts';
import { attachmentListProblem, type AttachmentRef } from '../domain/attachments.ts';
import type { DapOverrides } from '../dap/params.ts';
import type { MessageSender } from '../domain/messages.ts';
import type { LimitOverrides } from '../governance/limits.ts';
import type { ModeDefinition } from '../modes/mode.ts';
import { endingProblem, reasoningProblem, type ReasoningRecord, type TurnEnding } from '../domain/reasoning.ts';
import { councilRequestProblem, type CouncilRequest } from '../council/round.ts';
import { carriedHistoryProblem } from './carried-history.ts';
import type { PeerSeat, RoomData, TranscriptMessage, TurnErrorNote } from './types.ts';

/** How a turn ended, as the turn runner saw it: the final text and what the provider reported. */
export interface TurnRecord {
  status: 'complete' | 'interrupted' | 'error';
  /** The whole text received (for `complete`, before the core strips an echoed header or reads PASS). */
  text: string;
  /** The provider's own stop reason; absent when the turn never heard back (a reload cut it short). */
  stopReason?: string | null;
  usage?: { input: number; output: number };
  costUsd?: number;
  latencyMs?: { firstToken: number | null; total: number };
  /** Set for `error`, and for `interrupted` when known: the classified reason and a plain sentence (never a key). */
  error?: TurnErrorNote;
  /** What the peer reasoned before answering, when its provider showed any. */
  reasoning?: ReasoningRecord;
  /** How a complete reply ended when that needs explaining (refusal, filter, token limit, empty). */
  ending?: TurnEnding;
}

/** The human's controls over turns and the transcript, as the arbiter takes them (profile §8). */
export type HumanControl =
  | { type: 'stop-all' }
  | { type: 'stop-peer'; peerId: string }
  | { type: 'skip-next' }
  | { type: 'speak-now'; peerId: string }
  | { type: 'regenerate'; peerId: string; messageId: string }
  | { type: 'show-version'; messageId: string }
  | { type: 'mute'; peerId: string }
  | { type: 'unmute'; peerId: string }
  | { type: 'end-session' };

export type RoomEventBody =
  /** A new conversation at a table: who sits there, the mode, the limits and the seed. Always first. */
  | { type: 'conversation-started'; conversationId: string; title: string; room: RoomData }
  /**
   * The human wrote a message (`edits`: the earlier message of theirs it is an edited version of), with the files
   * attached to it (`attachments`; the text may then be empty).
   */
  | {
      type: 'human-message';
      messageId: string;
      text: string;
      edits?: string;
      attachments?: AttachmentRef[];
      /** In a shared room: the member who wrote it, as the sync server authenticated them. */
      sender?: MessageSender;
      /** A council round instead of the usual turn-taking (the human's choice for this message). */
      council?: CouncilRequest;
    }
  /** A turn the arbiter dispatched began; its reply is message `messageId`, empty until the turn finishes. */
  /** The transcript a shared room starts from (the sharer's, finished messages only); right after the start. */
  | { type: 'history-carried'; messages: TranscriptMessage[] }
  | { type: 'turn-opened'; turnId: string; messageId: string }
  /** A turn ended. `messageId` is absent when the turn never got a message (its seat had left). */
  | { type: 'turn-finished'; turnId: string; messageId?: string; result: TurnRecord }
  | { type: 'human-control'; control: HumanControl }
  | { type: 'mode-set'; modeId: string }
  /** The human defined a mode of their own (or redefined one with the same id); it is saved with the room. */
  | { type: 'mode-defined'; mode: ModeDefinition }
  /** The human's limit settings, merged over the current ones. */
  | { type: 'limits-set'; limits: LimitOverrides }
  /** DAP settings merged into one seat's (or, with `peerId: null`, every seat's). */
  | { type: 'dap-set'; peerId: string | null; dap: DapOverrides }
  /** The seats, in table order, after an add, edit, removal or move. */
  | { type: 'seats-set'; peers: PeerSeat[] }
  | { type: 'title-set'; title: string }
  /** What a seat's adapter observed of its provider changed its DAP profile (traffic control only). */
  | { type: 'adapter-profile-set'; peerId: string; profile: AdapterProfile }
  /** Whether each peer's reasoning goes to the other peers (marked, before its answer). Off by default. */
  | { type: 'reasoning-sharing-set'; share: boolean }
  /** The room's default for new messages: a council round (`council`), or the usual turn-taking (null). */
  | { type: 'council-default-set'; council: CouncilRequest | null };

export type RoomEventType = RoomEventBody['type'];

/** One entry of the room log. */
export type RoomEvent = RoomEventBody & {
  /** Unique in the log: appending an event whose id is already there changes nothing. */
  id: string;
  /** Position in the log: strictly increasing. */
  lamport: number;
  /** When it happened, in milliseconds since the epoch. */
  at: number;
};

const HUMAN_CONTROLS: Record<HumanControl['type'], readonly string[]> = {
  'stop-all': [],
  'stop-peer': ['peerId'],
  'skip-next': [],
  'speak-now': ['peerId'],
  regenerate: ['peerId', 'messageId'],
  'show-version': ['messageId'],
  mute: ['peerId'],
  unmute: ['peerId'],
  'end-session': [],
};

const TURN_STATUSES: readonly string[] = ['complete', 'interrupted', 'error'];

type Check = (event: Record<string, unknown>) => string | null;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

const hasAttachments = (event: Record<string, unknown>) =>
  Array.isArray(event.attachments) && event.attachments.length > 0;

const texts =
  (...fields: string[]): Check =>
  (event) =>
    fields.find((field) => !isText(event[field])) ?? null;

/** What each event type needs beyond id, lamport and at: null when present, else the field that is wrong. */
const BODY_CHECKS: Record<RoomEventType, Check> = {
  'conversation-started': (event) =>
    texts('conversationId')(event) ??
    (typeof event.title !== 'string' ? 'title' : null) ??
    (isObject(event.room) && Array.isArray(event.room.peers) && isObject(event.room.human) ? null : 'room'),
  'human-message': (event) =>
    texts('messageId')(event) ??
    (typeof event.text !== 'string' || (event.text.trim() === '' && !hasAttachments(event)) ? 'text' : null) ??
    (event.edits === undefined || isText(event.edits) ? null : 'edits') ??
    (event.sender === undefined ||
    (isObject(event.sender) && isText(event.sender.memberId) && isText(event.sender.name))
      ? null
      : 'sender') ??
    attachmentListProblem(event.attachments) ??
    (event.council === undefined || councilShapeProblem(event.council) === null ? null : 'council'),
  'history-carried': (event) => carriedHistoryProblem(event.messages),
  'turn-opened': texts('turnId', 'messageId'),
  'turn-finished': (event) =>
    texts('turnId')(event) ??
    (event.messageId === undefined || isText(event.messageId) ? null : 'messageId') ??
    turnRecordProblem(event.result),
  'human-control': (event) => {
    const control = event.control;
    if (!isObject(control) || typeof control.type !== 'string' || !(control.type in HUMAN_CONTROLS)) return 'control';
    const missing = HUMAN_CONTROLS[control.type as HumanControl['type']].find((field) => !isText(control[field]));
    return missing ? `control.${missing}` : null;
  },
  'mode-set': texts('modeId'),
  'mode-defined': (event) => (isObject(event.mode) && isText(event.mode.id) ? null : 'mode'),
  'limits-set': (event) => (isObject(event.limits) ? null : 'limits'),
  'dap-set': (event) =>
    (event.peerId === null || isText(event.peerId) ? null : 'peerId') ?? (isObject(event.dap) ? null : 'dap'),
  'seats-set': (event) => (Array.isArray(event.peers) && event.peers.every(isObject) ? null : 'peers'),
  'title-set': (event) => (typeof event.title === 'string' && event.title.trim() !== '' ? null : 'title'),
  'adapter-profile-set': (event) =>
    texts('peerId')(event) ?? (validateAdapterProfile(event.profile).length === 0 ? null : 'profile'),
  'reasoning-sharing-set': (event) => (typeof event.share === 'boolean' ? null : 'share'),
  'council-default-set': (event) =>
    event.council === null || councilShapeProblem(event.council) === null ? null : 'council',
};

/** The council request's shape (whether its synthesizer sits in the room is the reducer's call). */
function councilShapeProblem(council: unknown): string | null {
  const synthesizerId = isObject(council) ? council.synthesizerId : undefined;
  return councilRequestProblem(
    council,
    typeof synthesizerId === 'string' && synthesizerId !== '' ? [synthesizerId] : [],
  );
}

function turnRecordProblem(result: unknown): string | null {
  if (!isObject(result)) return 'result';
  if (typeof result.status !== 'string' || !TURN_STATUSES.includes(result.status)) return 'result.status';
  if (typeof result.text !== 'string') return 'result.text';
  const { stopReason, latencyMs: latency } = result;
  if (stopReason !== undefined && stopReason !== null && typeof stopReason !== 'string') return 'result.stopReason';
  if (
    latency !== undefined &&
    !(isObject(latency) && isCount(latency.total) && (latency.firstToken === null || isCount(latency.firstToken)))
  )
    return 'result.latencyMs';
  if (
    result.usage !== undefined &&
    !(isObject(result.usage) && isCount(result.usage.input) && isCount(result.usage.output))
  )
    return 'result.usage';
  if (result.error !== undefined && !(isObject(result.error) && isText(result.error.reason))) return 'result.error';
  if (result.status === 'error' && result.error === undefined) return 'result.error';
  return (
    optionalProblem('result.reasoning', result.reasoning, reasoningProblem) ??
    optionalProblem('result.ending', result.ending, endingProblem)
  );
}

/** `where` or `where.field` when an optional value is present and wrong. */
function optionalProblem(where: string, value: unknown, problem: (value: unknown) => string | null): string | null {
  if (value === undefined) return null;
  const field = problem(value);
  if (field === null) return null;
  return field === '' ? where : `${where}.${field}`;
}

/**
 * Why `event` cannot be appended after a log whose newest Lamport number is `lastLamport`, in one sentence; null
 * when it can. Checks the shape only; whether it makes sense for the room is `reduceRoom`'s call.
 */
export function roomEventProblem(event: unknown, lastLamport: number): string | null {
  if (!isObject(event)) return 'A room event must be an object.';
  if (!isText(event.id)) return 'A room event needs an id.';
  if (typeof event.type !== 'string' || !(event.type in BODY_CHECKS))
    return `Unknown room event type "${String(event.type)}".`;
  if (!Number.isSafeInteger(event.lamport) || (event.lamport as number) <= lastLamport)
    return `Room event ${event.id} is out of order (Lamport ${String(event.lamport)} after ${lastLamport}).`;
  if (!isCount(event.at)) return `Room event ${event.id} has no valid time.`;
  const field = BODY_CHECKS[event.type as RoomEventType](event);
  return field === null ? null : `Room event ${event.id} (${event.type}) has a missing or invalid "${field}".`;
}
