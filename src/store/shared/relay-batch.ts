/**
 * The text a browser streams to the other members of a shared room, batched: each running turn sends what arrived
 * since its last message at most once per `intervalMs`, not once per token, so a page streaming eight peers at
 * 100 tokens a second sends about 25 messages a second per turn, well inside the server's rate limit for deltas.
 * A timer, not an animation frame, paces it: a hidden tab keeps relaying.
 */
import type { StreamRelay } from '../room/context.ts';

export const RELAY_INTERVAL_MS = 40;

type SendDelta = (turnId: string, seq: number, text: string, reasoning?: string) => void;

export function batchedRelay(
  send: SendDelta,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
  intervalMs = RELAY_INTERVAL_MS,
): StreamRelay & { close(): void } {
  /** Per turn: the text and reasoning not yet sent, and the next chunk's number. */
  const turns = new Map<string, { text: string; reasoning: string; seq: number }>();
  let scheduled = false;
  let closed = false;

  const sendPending = (turnId: string) => {
    const turn = turns.get(turnId);
    if (!turn || (turn.text === '' && turn.reasoning === '')) return;
    send(turnId, turn.seq, turn.text, turn.reasoning === '' ? undefined : turn.reasoning);
    turns.set(turnId, { text: '', reasoning: '', seq: turn.seq + 1 });
  };

  const flushAll = () => {
    scheduled = false;
    if (closed) return;
    for (const turnId of turns.keys()) sendPending(turnId);
  };

  return {
    delta(turnId, text, reasoning) {
      if (closed) return;
      const turn = turns.get(turnId) ?? { text: '', reasoning: '', seq: 0 };
      turns.set(turnId, { ...turn, text: turn.text + text, reasoning: turn.reasoning + (reasoning ?? '') });
      if (scheduled) return;
      scheduled = true;
      schedule(flushAll, intervalMs);
    },
    end(turnId) {
      if (closed) return;
      sendPending(turnId);
      turns.delete(turnId);
    },
    close() {
      closed = true;
      turns.clear();
    },
  };
}
