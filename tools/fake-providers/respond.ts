// The response engine: plays one resolved reply (pacing and faults) in one wire format.
import type { Exchange } from './exchange.ts';
import type { HttpErrorFault, ParsedCall, ReplyContext, Usage, WireFormat } from './formats/format.ts';
import { inputTokensOf } from './formats/format.ts';
import type { ResolvedReply } from './script.ts';
import type { Fault } from './types.ts';

type MidStreamFault = Extract<Fault, { kind: 'drop-mid-stream' | 'no-terminal-event' | 'stream-error-event' }>;

const HTTP_ERROR_KINDS = new Set<string>([
  'rate-limit',
  'server-error',
  'overloaded',
  'unauthorized',
  'context-too-long',
]);
const MID_STREAM_KINDS = new Set<string>(['drop-mid-stream', 'no-terminal-event', 'stream-error-event']);

export function isHttpErrorFault(fault: Fault | null): fault is HttpErrorFault {
  return fault !== null && HTTP_ERROR_KINDS.has(fault.kind);
}

function isMidStreamFault(fault: Fault | null): fault is MidStreamFault {
  return fault !== null && MID_STREAM_KINDS.has(fault.kind);
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
};

/** Send a format's HTTP error for a fault. */
export function sendHttpError(ex: Exchange, format: WireFormat, fault: HttpErrorFault, model: string): void {
  const error = format.httpError(fault, model, ex.entry.id);
  ex.json(error.status, error.body, { ...format.responseHeaders(ex.entry.id), ...error.headers });
}

export async function playReply(
  ex: Exchange,
  format: WireFormat,
  call: ParsedCall,
  reply: ResolvedReply,
): Promise<void> {
  const fault = reply.fault;
  ex.update({ fault: fault?.kind ?? null });
  if (fault?.kind === 'never-respond') return; // The socket stays open until the client or close() ends it.
  if (fault?.kind === 'slow-headers') {
    await ex.sleep(fault.delayMs);
    if (ex.gone) return;
  }
  if (isHttpErrorFault(fault)) {
    sendHttpError(ex, format, fault, call.model);
    return;
  }

  if (reply.replay) {
    await playRecording(ex, format, reply.replay);
    return;
  }

  const ctx: ReplyContext = {
    model: call.model,
    seq: ex.entry.id,
    created: Math.floor(Date.now() / 1000),
    inputTokens: reply.usage?.inputTokens ?? inputTokensOf(call),
    call,
  };
  const usage: Usage = {
    inputTokens: ctx.inputTokens,
    outputTokens: reply.usage?.outputTokens ?? reply.tokens.length,
  };
  const midFault = isMidStreamFault(fault) ? fault : null;
  const cut = midFault
    ? Math.min(Math.max(0, Math.floor(midFault.afterTokens ?? 1)), reply.tokens.length)
    : reply.tokens.length;
  const interval = reply.tokensPerSecond > 0 ? 1000 / reply.tokensPerSecond : 0;
  const headers = format.responseHeaders(ex.entry.id);

  if (!call.stream) {
    await playJson(ex, format, ctx, reply, { cut, midFault, interval, usage, headers });
    return;
  }

  ex.writeHead(200, { ...headers, ...SSE_HEADERS });
  const encoder = format.encoder(ctx);
  await ex.write(encoder.open());
  await ex.sleep(reply.firstTokenDelayMs);
  for (let i = 0; i < cut; i++) {
    if (i > 0) await ex.sleep(interval);
    if (ex.gone) return;
    const token = reply.tokens[i] ?? '';
    await ex.write(encoder.token(token));
    ex.update({ tokensSent: i + 1 });
  }
  if (ex.gone) return;

  switch (midFault?.kind) {
    case 'drop-mid-stream':
      ex.destroy();
      return;
    case 'no-terminal-event':
      ex.end();
      return;
    case 'stream-error-event':
      ex.end(encoder.error(midFault));
      return;
    default:
      ex.end(encoder.close(reply.finish, usage));
  }
}

/** Sends a recorded stream verbatim, chunk by chunk, with the format's headers. */
async function playRecording(ex: Exchange, format: WireFormat, replay: NonNullable<ResolvedReply['replay']>) {
  ex.writeHead(200, { ...format.responseHeaders(ex.entry.id), ...SSE_HEADERS });
  for (const [index, chunk] of replay.chunks.entries()) {
    if (index > 0) await ex.sleep(replay.intervalMs ?? 0);
    if (ex.gone) return;
    await ex.write([chunk]);
  }
  if (!ex.gone) ex.end();
}

/** Non-streaming: wait as long as generation would take, then send the JSON (or fail like a stream would). */
async function playJson(
  ex: Exchange,
  format: WireFormat,
  ctx: ReplyContext,
  reply: ResolvedReply,
  plan: {
    cut: number;
    midFault: MidStreamFault | null;
    interval: number;
    usage: Usage;
    headers: Record<string, string>;
  },
): Promise<void> {
  await ex.sleep(reply.firstTokenDelayMs + plan.interval * Math.max(0, plan.cut - 1));
  if (ex.gone) return;
  const complete = format.complete(ctx, reply.tokens.join(''), reply.finish, plan.usage);
  switch (plan.midFault?.kind) {
    case 'stream-error-event':
      sendHttpError(ex, format, { kind: 'server-error' }, ctx.model);
      return;
    case 'drop-mid-stream':
    case 'no-terminal-event': {
      // Half a JSON body: dropped, or ended cleanly (a truncated body).
      ex.writeHead(200, { ...plan.headers, 'content-type': 'application/json; charset=utf-8' });
      const body = JSON.stringify(complete);
      await ex.write([body.slice(0, Math.floor(body.length / 2))]);
      if (plan.midFault.kind === 'drop-mid-stream') ex.destroy();
      else ex.end();
      return;
    }
    default:
      ex.update({ tokensSent: reply.tokens.length });
      ex.json(200, complete, plan.headers);
  }
}
