/**
 * The Markdown export, for people: title, room, then the transcript with authors, mode stamps, why each turn
 * happened, statuses and round ends.
 *
 * Each message is a level-3 heading naming its author ("Claude (@claude)"), a line in italics that starts with
 * who that is — `human`, `peer` or `notice` — then why the turn happened, when, and its status, and then the text.
 *
 * Anti-forgery rule: everything PeerChat writes (author headings, the kind line, mode stamps, round ends) is
 * outside any message body, and every body is a verbatim fenced block whose fence is longer than any backtick run
 * in the text, so the text cannot close it. Whatever a model writes — `[@you (You)]:`, `**You**:`,
 * `### You (@you)`, raw HTML — stays inside its own block, shown as plain text, and can never become an author
 * line. (A blockquote was rejected: raw HTML such as `</blockquote>` can break out of it in renderers that allow
 * HTML, and escaping would change the text.) Names are escaped and kept on one line; the kind word that starts
 * the line under each heading is PeerChat's, never a name, so even a peer named "You" reads as `peer`.
 */
import { BUILT_IN_MODES, endingWords, REDACTED_REASONING_NOTE, reasoningFigures } from '../../core/index.ts';
import type { CoreEvent, ModeDefinition, TranscriptMessage } from '../../core/index.ts';
import { fenced, inline, utcTime } from './markdown-text.ts';
import { participantOf, type ConversationSnapshot } from '../conversation/snapshot.ts';
import { roundEndInWords, turnReasonInWords } from './words.ts';

/** Options of `toMarkdown`. */
export interface MarkdownOptions {
  /** Where each attached file is beside the Markdown (by attachment id), to link it; otherwise only its name. */
  attachmentPaths?: ReadonlyMap<string, string>;
}

/** Renders a conversation as Markdown. */
export function toMarkdown(snapshot: ConversationSnapshot, options: MarkdownOptions = {}): string {
  const blocks = [...headerBlocks(snapshot), '## Transcript', ...transcriptBlocks(snapshot, options)];
  return `${blocks.join('\n\n')}\n`;
}

function headerBlocks(snapshot: ConversationSnapshot): string[] {
  const { room } = snapshot;
  const title = snapshot.title.trim() === '' ? 'Untitled conversation' : snapshot.title;
  const started = snapshot.events.find((event) => event.type === 'session-started');
  const lines = [
    `- **Room:** ${inline(room.name)}`,
    `- **Human:** ${nameOf(snapshot, room.human.id)}`,
    `- **Peers:**${room.peers.length === 0 ? ' none' : ''}`,
    ...room.peers.map(
      (peer) =>
        `  - ${nameOf(snapshot, peer.id)} — ${inline(peer.provider)} · ${inline(peer.model)}${peer.enabled ? '' : ' (muted)'}`,
    ),
    ...(snapshot.formerPeers.length > 0
      ? [`- **Left the room:** ${snapshot.formerPeers.map((peer) => nameOf(snapshot, peer.id)).join(', ')}`]
      : []),
    ...(started ? [`- **Mode at the start:** ${modeLabel(snapshot, started.modeId)}`] : []),
    `- **Mode when exported:** ${modeLabel(snapshot, room.modeId)}`,
  ];
  return [
    `# ${inline(title)}`,
    `*PeerChat conversation · started ${utcTime(snapshot.createdAt)} · last activity ${utcTime(snapshot.updatedAt)}*`,
    '## Room',
    lines.join('\n'),
  ];
}

/**
 * The transcript in order, with round ends placed by the event log: each message is anchored at the Lamport time
 * of the event that started it (its `round-started` for a human message, its `turn-dispatched` for a peer's), and
 * every round end logged before that anchor is written before the message.
 */
function transcriptBlocks(snapshot: ConversationSnapshot, options: MarkdownOptions): string[] {
  const anchors = anchorsOf(snapshot.events);
  const roundEnds = snapshot.events.filter((event) => event.type === 'round-ended');
  const blocks: string[] = [];
  let nextEnd = 0;
  let anchor = -Infinity;
  let mode: string | undefined;
  let passed: string[] = [];
  const flushPassed = () => {
    if (passed.length > 0) blocks.push(`*Passed (nothing to add): ${passed.join(', ')}*`);
    passed = [];
  };
  const flushEnds = (before: number) => {
    for (; nextEnd < roundEnds.length && roundEnds[nextEnd]!.lamport < before; nextEnd++) {
      flushPassed();
      blocks.push(roundEndLine(roundEnds[nextEnd]!));
    }
  };
  for (const message of snapshot.messages) {
    anchor = Math.max(anchor, anchorOf(message, anchors) ?? anchor);
    flushEnds(anchor);
    if (message.modeId !== undefined && message.modeId !== mode) {
      flushPassed();
      mode = message.modeId;
      blocks.push(`**Mode: ${modeLabel(snapshot, mode)}**`);
    }
    if (message.status === 'passed') {
      passed.push(nameOf(snapshot, message.authorId));
      continue;
    }
    flushPassed();
    blocks.push(...messageBlocks(snapshot, message), ...attachmentLines(message, options));
  }
  flushPassed();
  flushEnds(Infinity);
  if (blocks.length === 0) blocks.push('*No messages yet.*');
  return blocks;
}

function messageBlocks(snapshot: ConversationSnapshot, message: TranscriptMessage): string[] {
  const author =
    message.kind === 'notice'
      ? 'PeerChat'
      : message.sender
        ? `${inline(message.sender.name)} (shared room)`
        : nameOf(snapshot, message.authorId);
  const humanName = nameOf(snapshot, snapshot.room.human.id);
  const details = [
    message.kind,
    ...(message.kind === 'peer' && message.reason
      ? [turnReasonInWords(message.reason, (id) => nameOf(snapshot, id), humanName)]
      : []),
    utcTime(message.createdAt),
    ...statusWords(message),
  ];
  const body = message.text === '' ? ['*(no text)*'] : [fenced(message.text)];
  return [
    `### ${author}`,
    `*${details.join(' · ')}*`,
    ...reasoningBlocks(message),
    ...body,
    ...endingLine(snapshot, message),
  ];
}

/**
 * A peer's reasoning, collapsible: a `<details>` block (PeerChat's own HTML, outside any body) around the reasoning
 * as a verbatim fenced block, so the model's text stays text even in renderers that allow HTML.
 */
function reasoningBlocks(message: TranscriptMessage): string[] {
  const reasoning = message.reasoning;
  if (reasoning === undefined) return [];
  const figures = reasoningFigures(reasoning);
  return [
    `<details>\n<summary>Reasoning${figures === '' ? '' : ` · ${figures}`}</summary>`,
    ...(reasoning.text === '' ? [] : [fenced(reasoning.text)]),
    ...(reasoning.redacted === true ? [`*${REDACTED_REASONING_NOTE}*`] : []),
    '</details>',
  ];
}

/** How the reply ended, when that needs a word, in the app's own wording (a refusal's text escaped). */
function endingLine(snapshot: ConversationSnapshot, message: TranscriptMessage): string[] {
  if (message.ending === undefined) return [];
  const seat = snapshot.room.peers.find((peer) => peer.id === message.authorId);
  const provider = seat?.provider ?? 'openai-compatible';
  return [`*${inline(endingWords(message.ending, provider))}*`];
}

/** "**Attached:** [chart.png](attachments/chart.png) · notes.txt" */
function attachmentLines(message: TranscriptMessage, options: MarkdownOptions): string[] {
  const files = message.attachments ?? [];
  if (files.length === 0) return [];
  const links = files.map((file) => {
    const path = options.attachmentPaths?.get(file.id);
    return path === undefined ? inline(file.name) : `[${inline(file.name)}](<${encodeURI(path)}>)`;
  });
  return [`**Attached:** ${links.join(' · ')}`];
}

function statusWords(message: TranscriptMessage): string[] {
  switch (message.status) {
    case 'interrupted':
      return ['**interrupted**'];
    case 'streaming':
      return ['**still streaming when exported**'];
    case 'error': {
      const reason = message.error?.reason ?? message.errorReason;
      const text = message.error?.message;
      return [`**error${reason ? ` (${inline(reason)})` : ''}${text ? `: ${inline(text)}` : ''}**`];
    }
    default:
      return [];
  }
}

function roundEndLine(event: Extract<CoreEvent, { type: 'round-ended' }>): string {
  return `— round ended: ${roundEndInWords(event.reason)} —`;
}

/** Lamport time of the event that started each message: keyed by `m:<messageId>` and `t:<turnId>`. */
function anchorsOf(events: readonly CoreEvent[]): Map<string, number> {
  const anchors = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'round-started' && event.messageId !== null && event.trigger === 'human-message') {
      anchors.set(`m:${event.messageId}`, event.lamport);
    } else if (event.type === 'turn-dispatched') {
      anchors.set(`t:${event.turnId}`, event.lamport);
    }
  }
  return anchors;
}

function anchorOf(message: TranscriptMessage, anchors: Map<string, number>): number | undefined {
  if (message.turnId !== undefined) return anchors.get(`t:${message.turnId}`);
  return anchors.get(`m:${message.id}`);
}

/** "Claude (@claude)", escaped; an unknown id is shown as itself. */
function nameOf(snapshot: ConversationSnapshot, participantId: string): string {
  const participant = participantOf(snapshot, participantId);
  if (!participant) return `unknown participant ${inline(participantId)}`;
  return `${inline(participant.displayName)} (@${inline(participant.handle)})`;
}

/** "Adversarial v3.1 — “Prove it.”", or the bare id of a mode this file does not define. */
function modeLabel(snapshot: ConversationSnapshot, modeId: string): string {
  const modes: readonly ModeDefinition[] = [...BUILT_IN_MODES, ...snapshot.room.customModes];
  const mode = modes.find((candidate) => candidate.id === modeId);
  if (!mode) return inline(modeId);
  const tagline = mode.tagline.trim() === '' ? '' : ` — “${inline(mode.tagline)}”`;
  return `${inline(mode.name)} v${inline(mode.version)}${tagline}`;
}
