/** One readable line per audit event (profile §9), e.g. "@claude’s turn — mentioned by @you". */
import type { CoreEvent, HumanOverrideAction, TurnSkipReason } from '../../store/index.ts';
import { formatProbability, formatSeconds, formatTokens } from '../format/numbers.ts';
import { roundEndText, turnReasonText } from '../format/reasons.ts';

export interface EventNames {
  /** `handle` (without @) of any participant id. */
  handleOf(participantId: string): string;
  humanHandle: string;
}

const OVERRIDE_TEXT: Record<HumanOverrideAction, string> = {
  'stop-all': 'stopped everything',
  'stop-peer': 'stopped',
  'skip-next': 'skipped the next turn',
  'speak-now': 'asked to speak now:',
  regenerate: 'asked to regenerate',
  'edit-and-rerun': 'edited a message and reran from there',
  'show-version': 'switched to another version',
  mute: 'muted',
  unmute: 'unmuted',
  'set-limits': 'changed limits',
  'set-dap': 'tuned DAP',
};

const SKIP_TEXT: Record<TurnSkipReason, string> = {
  muted: 'muted',
  'depth-limit': 'mention chain limit',
  'ping-pong-limit': 'ping-pong limit',
  'turn-budget': 'turn limit',
  'token-budget': 'token budget spent',
  'twice-in-a-row': 'would speak twice in a row',
  'skipped-by-human': 'skipped by you',
  'stopped-by-human': 'stopped by you',
  'preempted-by-human': 'your new message took over',
  removed: 'left the room',
};

const TRIGGER_TEXT = { 'human-message': 'your message', 'speak-now': 'speak now', regenerate: 'regenerate' } as const;

export function describeEvent(event: CoreEvent, names: EventNames): string {
  const at = (id: string) => `@${names.handleOf(id)}`;
  const you = `@${names.humanHandle}`;
  switch (event.type) {
    case 'session-started':
      return `Session started in ${event.modeId} mode (seed ${event.seed})`;
    case 'roles-assigned':
      return `Seats: ${event.roles.map((role) => `${at(role.participantId)}${role.role === 'peer' && !role.enabled ? ' (muted)' : ''}`).join(', ')}`;
    case 'round-started':
      return `Round started by ${TRIGGER_TEXT[event.trigger]}`;
    case 'dap-sampled': {
      const draws = event.draws.map(
        (draw) => `${at(draw.peerId)} ${formatProbability(draw.p)} ${draw.drawn ? 'drawn' : 'not drawn'}`,
      );
      return `DAP sampled: ${draws.join(', ')}${event.fallback ? ' — nobody drawn, the likeliest speaks' : ''}`;
    }
    case 'turn-dispatched':
      return `${at(event.peerId)}’s turn — ${turnReasonText(event.reason, names.handleOf, names.humanHandle)}${event.depth > 0 ? ` (depth ${event.depth})` : ''}`;
    case 'turn-completed': {
      const facts = [
        event.status,
        event.errorReason,
        event.tokens ? `${formatTokens(event.tokens.input + event.tokens.output)} tokens` : undefined,
        formatSeconds(event.latencyMs),
      ].filter((fact) => fact !== undefined);
      return `${at(event.peerId)} finished: ${facts.join(', ')}`;
    }
    case 'turn-skipped':
      return `${at(event.peerId)} skipped: ${SKIP_TEXT[event.reason]}`;
    case 'broadcast-sent':
      return `${at(event.senderId)} wrote to @all: ${event.recipients.length} ${event.recipients.length === 1 ? 'peer' : 'peers'}`;
    case 'broadcast-received':
      return `${at(event.peerId)} received the @all message`;
    case 'mode-changed':
      return `Mode changed: ${event.from} → ${event.to}`;
    case 'council-tallied': {
      const heading = event.strategy === 'council' ? 'Council tallied' : 'Majority vote counted';
      const consensus =
        event.consensus.length === 0 ? 'no consensus' : `consensus ${event.consensus.map(at).join(', ')}`;
      const dissent =
        event.dissent.length === 0 ? '' : `; dissent ${event.dissent.map((entry) => at(entry.peerId)).join(', ')}`;
      return `${heading}: ${consensus}${dissent}`;
    }
    case 'human-override': {
      const target = event.peerId ? ` ${at(event.peerId)}` : event.action === 'set-dap' ? ' for every peer' : '';
      const detail = event.detail ? ` ${event.detail}` : '';
      return `${you} ${OVERRIDE_TEXT[event.action]}${target}${detail}`;
    }
    case 'round-ended':
      return `Round ended: ${roundEndText(event.reason)} (${event.turns} ${event.turns === 1 ? 'turn' : 'turns'})`;
    case 'session-completed':
      return 'Session completed';
  }
}
