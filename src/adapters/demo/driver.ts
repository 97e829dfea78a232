/**
 * The demo provider as a `TurnDriver`: composes the whole reply up front, then streams it token by token at the
 * drawn pace. No network, no SDK: only timers.
 */
import type { PeerRequest } from '../../core/index.ts';
import { estimateTokens } from '../../core/index.ts';
import { describeTransportError } from '../errors/failure.ts';
import type { StreamPart, TurnDriver } from '../runtime/driver.ts';
import { sleep } from '../runtime/sleep.ts';
import type { DemoRoomHints } from '../types.ts';
import { composeReply } from './compose.ts';
import type { DemoPace } from './pace.ts';
import { drawPace, splitTokens } from './pace.ts';
import { planReply } from './plan.ts';
import { DemoRandom } from './random.ts';
import { resolveRoom } from './room.ts';
import { scriptedReply } from './scripts.ts';
import { loadNounPhrases, type NounPhrases } from './topic.ts';
import { readTranscript } from './transcript.ts';
import { voiceFor } from './voices.ts';

/** The seed: everything the reply depends on, so the same request always gives the same reply. */
function seedOf(request: PeerRequest, hints: DemoRoomHints | undefined): string {
  return JSON.stringify([request.model, request.system, request.messages, hints ?? null]);
}

/**
 * The demo's reply to a request, without streaming (what `stream` will send, before any output limit). `nouns` is
 * the tagger `loadNounPhrases` loads.
 */
export function demoReplyText(request: PeerRequest, nouns: NounPhrases, hints?: DemoRoomHints): string {
  const room = resolveRoom(request.system, hints);
  const random = new DemoRandom(seedOf(request, hints));
  const speeches = readTranscript(request.messages, room.self);
  const scripted = scriptedReply(speeches, room.human?.handle, room.self.handle);
  if (scripted !== undefined) return scripted;
  return composeReply(planReply(room, speeches, random, nouns), voiceFor(request.model, room.self.handle), random);
}

function inputTokensOf(request: PeerRequest): number {
  return estimateTokens(request.system) + request.messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);
}

export function demoDriver(pace: DemoPace, hints: DemoRoomHints | undefined): TurnDriver {
  return {
    async *stream(request: PeerRequest, signal: AbortSignal): AsyncGenerator<StreamPart> {
      const tokens = splitTokens(demoReplyText(request, await loadNounPhrases(), hints));
      const limit = request.maxOutputTokens ?? Infinity;
      const drawn = drawPace(pace, new DemoRandom(`${seedOf(request, hints)}:pace`));
      yield { type: 'usage', inputTokens: inputTokensOf(request), outputTokens: 0 };
      if (drawn.firstTokenDelayMs > 0 && !(await sleep(drawn.firstTokenDelayMs, signal))) return;
      let sent = 0;
      for (const token of tokens) {
        if (sent >= limit) break;
        if (sent > 0 && drawn.gapMs > 0 && !(await sleep(drawn.gapMs, signal))) return;
        if (signal.aborted) return;
        sent += 1;
        yield { type: 'text', text: token };
        yield { type: 'usage', outputTokens: sent };
      }
      yield { type: 'finish', stopReason: sent < tokens.length ? 'length' : 'stop' };
    },
    describeError: describeTransportError,
  };
}
