/**
 * One plain-language message per reason. Messages name the provider and the model, never the key or the request;
 * a provider's own explanation is added only where it helps (bad request, server error, unknown) and is scrubbed.
 */
import type { RetryableReason, TurnErrorReason } from '../types.ts';
import type { Failure } from './failure.ts';

/** What a message may mention. */
export interface MessageContext {
  /** The provider's name, e.g. "OpenAI", "Ollama". */
  provider: string;
  /** Unset for calls that concern no single model (listing models). */
  model?: string;
  /** Where we tried to connect, without credentials (only set for user-chosen endpoints). */
  endpoint?: string;
  /** Extra advice for a network failure (e.g. Ollama's OLLAMA_ORIGINS). */
  networkHint?: string;
}

/** Facts of the failure that the wording depends on. */
export interface MessageFacts {
  failure: Failure;
  status?: number;
  retryAfterSeconds?: number;
  /** Text had already streamed when it failed. */
  midStream: boolean;
  /** The provider had answered (its stream was open) when it failed, text or not. */
  answered?: boolean;
  /** The provider's explanation, already scrubbed and shortened. */
  detail?: string;
}

/** "7 s", "1.5 s", "2 min". */
export function formatSeconds(seconds: number): string {
  if (seconds >= 120) return `${Math.round(seconds / 60)} min`;
  const rounded = seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10;
  return `${rounded} s`;
}

function withDetail(sentence: string, detail: string | undefined): string {
  return detail === undefined || detail === '' ? `${sentence}.` : `${sentence}: ${detail}`;
}

function statusText(status: number | undefined): string {
  return status === undefined ? '' : ` (HTTP ${status})`;
}

function networkMessage(ctx: MessageContext, facts: MessageFacts): string {
  if (facts.midStream) return `The connection to ${ctx.provider} was lost in the middle of the reply.`;
  // It was reached, so the address and CORS are fine: advice about them would mislead.
  if (facts.answered === true) return `The connection to ${ctx.provider} was lost before the reply started. Try again.`;
  const where = ctx.endpoint === undefined ? '' : ` at ${ctx.endpoint}`;
  const first = `Could not reach ${ctx.provider}${where}. Check your connection${ctx.endpoint === undefined ? '' : ' and the base URL'}.`;
  return ctx.networkHint === undefined ? first : `${first} ${ctx.networkHint}`;
}

function timeoutMessage(ctx: MessageContext, failure: Failure): string {
  if (failure.kind !== 'timeout') return `${ctx.provider} took too long to answer, so the request was stopped.`;
  const seconds = formatSeconds(failure.afterMs / 1000);
  return failure.phase === 'first-token'
    ? `${ctx.provider} sent no reply for ${seconds}, so the request was stopped. Try again, or regenerate the message.`
    : `${ctx.provider} stopped sending for ${seconds} in the middle of the reply, so it was stopped.`;
}

/** Provider names may start in lower case ("the OpenAI-compatible server"); sentences may not. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function turnErrorMessage(reason: TurnErrorReason, ctx: MessageContext, facts: MessageFacts): string {
  return sentence(phraseFor(reason, ctx, facts));
}

function phraseFor(reason: TurnErrorReason, ctx: MessageContext, facts: MessageFacts): string {
  const { provider, model } = ctx;
  if (facts.failure.kind === 'misconfigured') return facts.failure.message;
  switch (reason) {
    case 'bad-key':
      return facts.failure.kind === 'missing-key'
        ? `No API key is set for ${provider}. Add one in Providers.`
        : `The API key was refused by ${provider}. Check it in Providers.`;
    case 'no-access':
      return model === undefined
        ? `${provider} refused access: this key or account may not be allowed to do this (or has no credit left).`
        : `${provider} refused access to the model “${model}”: it may not exist, or this key or account may not be allowed to use it (or has no credit left).`;
    case 'rate-limited':
      return facts.retryAfterSeconds === undefined
        ? `Rate limited by ${provider}. Wait a moment and try again.`
        : `Rate limited by ${provider}. Try again in ${formatSeconds(facts.retryAfterSeconds)}.`;
    case 'overloaded':
      return `${provider} is overloaded right now. Try again in a moment.`;
    case 'context-too-long':
      return `The conversation is too long for “${model ?? 'this model'}” at ${provider}. Lower this peer's context window in its settings, or start a new conversation.`;
    case 'network':
      return networkMessage(ctx, facts);
    case 'timeout':
      return timeoutMessage(ctx, facts.failure);
    case 'truncated':
      return `The reply from ${provider} ended without its end marker, so it may be incomplete.`;
    case 'aborted':
      return 'Stopped before the reply was finished.';
    case 'bad-request':
      return withDetail(`${provider} refused the request${statusText(facts.status)}`, facts.detail);
    case 'server-error':
      return withDetail(`${provider} had a server error${statusText(facts.status)}`, facts.detail);
    case 'unknown':
      return withDetail(`Something unexpected went wrong with ${provider}`, facts.detail);
  }
}

/** The notice shown while waiting to retry: "Rate limited by Anthropic — retrying in 7 s". */
export function retryingMessage(reason: RetryableReason, provider: string, inSeconds: number): string {
  const wait = formatSeconds(inSeconds);
  switch (reason) {
    case 'rate-limited':
      return `Rate limited by ${provider} — retrying in ${wait}`;
    case 'overloaded':
      return sentence(`${provider} is overloaded — retrying in ${wait}`);
    case 'server-error':
      return sentence(`${provider} had a server error — retrying in ${wait}`);
  }
}
