/**
 * The text a browser streams to the other members of a shared room, batched: each running turn sends what arrived
 * since its last message at most once per `intervalMs`, not once per token, so a page streaming eight peers at
 * 100 tokens a second sends about 25 messages a second per turn, well inside the server's rate limit for deltas.
 * A timer, not an animation frame, paces it: a hidden tab keeps relaying.
 */
import type { StreamRelay } from '../room/context.ts';

export const RELAY_INTERVAL_MS = 40;
/** The most text a resync sends (the server's limit for one delta); a longer turn's text comes with its end. */
const MAX_RESYNC_CHARS = 64_000;

type SendDelta = (turnId: string, seq: number, text: string, reasoning?: string, full?: true) => void;

interface TurnText {
  /** Not yet sent. */
  text: string;
  reasoning: string;
  /** Sent so far, for a resync. */
  sentText: string;
  sentReasoning: string;
  seq: number;
}

const EMPTY: TurnText = { text: '', reasoning: '', sentText: '', sentReasoning: '', seq: 0 };

export function batchedRelay(
  send: SendDelta,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
  intervalMs = RELAY_INTERVAL_MS,
): StreamRelay & { resync(): void; close(): void } {
  const turns = new Map<string, TurnText>();
  let scheduled = false;
  let closed = false;

  const sendPending = (turnId: string) => {
    const turn = turns.get(turnId);
    if (!turn || (turn.text === '' && turn.reasoning === '')) return;
    send(turnId, turn.seq, turn.text, turn.reasoning === '' ? undefined : turn.reasoning);
    turns.set(turnId, {
      text: '',
      reasoning: '',
      sentText: turn.sentText + turn.text,
      sentReasoning: turn.sentReasoning + turn.reasoning,
      seq: turn.seq + 1,
    });
  };

  const flushAll = () => {
    scheduled = false;
    if (closed) return;
    for (const turnId of turns.keys()) sendPending(turnId);
  };

  return {
    delta(turnId, text, reasoning) {
      if (closed) return;
      const turn = turns.get(turnId) ?? EMPTY;
      turns.set(turnId, { ...turn, text: turn.text + text, reasoning: turn.reasoning + (reasoning ?? '') });
      if (scheduled) return;
      scheduled = true;
      schedule(flushAll, intervalMs);
    },
    end(turnId, options) {
      if (closed) return;
      if (!options?.discard) sendPending(turnId);
      turns.delete(turnId);
    },
    /**
     * After a reconnect: what was sent while the connection was down was lost (and a restarted server kept none), so
     * each running turn sends all its text so far once, marked `full`, and carries on from there.
     */
    resync() {
      if (closed) return;
      for (const [turnId, turn] of turns) {
        const text = turn.sentText + turn.text;
        const reasoning = turn.sentReasoning + turn.reasoning;
        if (text.length + reasoning.length > MAX_RESYNC_CHARS || (text === '' && reasoning === '')) continue;
        send(turnId, turn.seq, text, reasoning === '' ? undefined : reasoning, true);
        turns.set(turnId, { text: '', reasoning: '', sentText: text, sentReasoning: reasoning, seq: turn.seq + 1 });
      }
    },
    close() {
      closed = true;
      turns.clear();
    },
  };
}
