// Scripted replies and faults: a queue per model, persistent defaults, and a built-in default reply.
import type { Fault, FinishKind, ReplayScript, ScriptedReply } from './types.ts';

/** Script key for the model-list endpoints: only its faults are used. */
export const MODEL_LIST_KEY = '#models';
/** Default-reply key that applies to every model without its own default. */
export const ANY_MODEL = '*';

/** A reply ready to be sent: tokens, pacing and the fault (if any) for this one request. */
export interface ResolvedReply {
  model: string;
  /** 1-based count of requests for this model since the last reset. */
  requestNumber: number;
  tokens: string[];
  tokensPerSecond: number;
  firstTokenDelayMs: number;
  finish: FinishKind;
  usage: { inputTokens?: number; outputTokens?: number } | undefined;
  fault: Fault | null;
  /** A recorded stream to send verbatim instead of `tokens`. */
  replay?: ReplayScript;
}

interface Entry {
  reply: ScriptedReply;
  /** How many requests this entry has already answered with its fault. */
  faultUses: number;
}

const FILLER = (
  'the quick brown fox jumps over the lazy dog while seven peers think aloud about ' +
  'shared transcripts streaming tokens and careful turn taking in one room'
).split(' ');

/** Split text into tokens: words with their leading whitespace; joining them gives the text back. */
export function splitTokens(text: string): string[] {
  const tokens: string[] = [...(text.match(/\s*\S+/g) ?? [])];
  const rest = text.slice(tokens.join('').length);
  if (rest.length > 0) {
    if (tokens.length > 0) tokens[tokens.length - 1] += rest;
    else tokens.push(rest);
  }
  return tokens;
}

/** Deterministic filler of exactly `count` tokens, ending with a full stop. */
export function fillerTokens(count: number): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = FILLER[i % FILLER.length] ?? 'token';
    const capital = i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    tokens.push((i === 0 ? '' : ' ') + capital + (i === count - 1 ? '.' : ''));
  }
  return tokens;
}

export function defaultText(model: string, requestNumber: number): string {
  return `This is ${model}, reply ${requestNumber}, from the local fake provider.`;
}

export class ScriptBook {
  readonly #queues = new Map<string, Entry[]>();
  readonly #defaults = new Map<string, Entry>();
  readonly #counts = new Map<string, number>();
  readonly #fallback: ScriptedReply;

  /** `fallback` supplies pacing for the built-in default reply (its text/tokens are ignored). */
  constructor(fallback: ScriptedReply = {}) {
    this.#fallback = fallback;
  }

  /** Queue replies for a model; each request takes the next one. */
  enqueue(model: string, replies: ScriptedReply | readonly ScriptedReply[]): void {
    const list = Array.isArray(replies) ? replies : [replies as ScriptedReply];
    const queue = this.#queues.get(model) ?? [];
    for (const reply of list) queue.push({ reply: { ...reply }, faultUses: 0 });
    this.#queues.set(model, queue);
  }

  /** Set (or with null, clear) the reply used whenever the model's queue is empty. */
  setDefault(model: string, reply: ScriptedReply | null): void {
    if (reply === null) this.#defaults.delete(model);
    else this.#defaults.set(model, { reply: { ...reply }, faultUses: 0 });
  }

  /** How many queued replies are left for a model. */
  pending(model: string): number {
    return this.#queues.get(model)?.length ?? 0;
  }

  reset(): void {
    this.#queues.clear();
    this.#defaults.clear();
    this.#counts.clear();
  }

  /** Take the reply for the next request to `model`. */
  next(model: string): ResolvedReply {
    const requestNumber = (this.#counts.get(model) ?? 0) + 1;
    this.#counts.set(model, requestNumber);
    const picked = this.#takeQueued(model) ?? this.#takeDefault(model);
    if (picked) return resolve(model, requestNumber, picked.reply, picked.fault);
    return resolve(model, requestNumber, { ...this.#fallback, text: defaultText(model, requestNumber) }, null);
  }

  /** The fault (if any) scripted for the next model-list request. */
  nextListFault(): Fault | null {
    return this.#takeQueued(MODEL_LIST_KEY)?.fault ?? this.#takeDefault(MODEL_LIST_KEY)?.fault ?? null;
  }

  #takeQueued(model: string): { reply: ScriptedReply; fault: Fault | null } | undefined {
    const queue = this.#queues.get(model);
    const entry = queue?.[0];
    if (!queue || !entry) return undefined;
    const fault = entry.reply.fault;
    if (fault && fault.times !== undefined && entry.faultUses < fault.times) {
      // The entry stays queued: after `times` faulted requests it answers once without its fault.
      entry.faultUses++;
      return { reply: entry.reply, fault };
    }
    queue.shift();
    if (fault && fault.times !== undefined) return { reply: entry.reply, fault: null };
    return { reply: entry.reply, fault: fault ?? null };
  }

  #takeDefault(model: string): { reply: ScriptedReply; fault: Fault | null } | undefined {
    const entry = this.#defaults.get(model) ?? this.#defaults.get(ANY_MODEL);
    if (!entry) return undefined;
    const fault = entry.reply.fault;
    if (!fault) return { reply: entry.reply, fault: null };
    if (fault.times === undefined) return { reply: entry.reply, fault };
    if (entry.faultUses < fault.times) {
      entry.faultUses++;
      return { reply: entry.reply, fault };
    }
    return { reply: entry.reply, fault: null };
  }
}

function resolve(model: string, requestNumber: number, reply: ScriptedReply, fault: Fault | null): ResolvedReply {
  const tokens =
    reply.text !== undefined
      ? splitTokens(reply.text)
      : reply.tokens !== undefined
        ? fillerTokens(Math.max(0, Math.floor(reply.tokens)))
        : splitTokens(defaultText(model, requestNumber));
  return {
    model,
    requestNumber,
    tokens,
    tokensPerSecond: reply.tokensPerSecond ?? 0,
    firstTokenDelayMs: reply.firstTokenDelayMs ?? 0,
    finish: reply.finish ?? 'stop',
    usage: reply.usage,
    fault,
    ...(reply.replay ? { replay: reply.replay } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Validation of scripts that arrive as JSON over the control API.

const FAULT_KINDS = new Set<string>([
  'rate-limit',
  'server-error',
  'overloaded',
  'unauthorized',
  'context-too-long',
  'drop-mid-stream',
  'no-terminal-event',
  'stream-error-event',
  'never-respond',
  'slow-headers',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalNumber(record: Record<string, unknown>, key: string, where: string): void {
  const value = record[key];
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new Error(`${where}.${key} must be a finite number`);
  }
}

export function parseFault(value: unknown, where = 'fault'): Fault {
  if (!isRecord(value) || typeof value.kind !== 'string' || !FAULT_KINDS.has(value.kind)) {
    throw new Error(`${where} must be an object with kind one of ${[...FAULT_KINDS].join(', ')}`);
  }
  for (const key of ['times', 'retryAfterSeconds', 'afterTokens', 'delayMs', 'geminiStatus']) {
    optionalNumber(value, key, where);
  }
  if (value.kind === 'slow-headers' && typeof value.delayMs !== 'number') {
    throw new Error(`${where}.delayMs is required for slow-headers`);
  }
  // The checks above cover every field a fault kind reads.
  return value as unknown as Fault;
}

export function parseReply(value: unknown, where = 'reply'): ScriptedReply {
  if (!isRecord(value)) throw new Error(`${where} must be an object`);
  if (value.text !== undefined && typeof value.text !== 'string') throw new Error(`${where}.text must be a string`);
  for (const key of ['tokens', 'tokensPerSecond', 'firstTokenDelayMs']) optionalNumber(value, key, where);
  if (value.finish !== undefined && value.finish !== 'stop' && value.finish !== 'length') {
    throw new Error(`${where}.finish must be "stop" or "length"`);
  }
  if (value.usage !== undefined) {
    if (!isRecord(value.usage)) throw new Error(`${where}.usage must be an object`);
    optionalNumber(value.usage, 'inputTokens', `${where}.usage`);
    optionalNumber(value.usage, 'outputTokens', `${where}.usage`);
  }
  if (value.replay !== undefined) parseReplay(value.replay, `${where}.replay`);
  const reply: ScriptedReply = { ...(value as unknown as ScriptedReply) };
  if (value.fault !== undefined) reply.fault = parseFault(value.fault, `${where}.fault`);
  return reply;
}

function parseReplay(value: unknown, where: string): void {
  if (!isRecord(value)) throw new Error(`${where} must be an object`);
  if (!Array.isArray(value.chunks) || !value.chunks.every((chunk) => typeof chunk === 'string')) {
    throw new Error(`${where}.chunks must be a list of strings`);
  }
  optionalNumber(value, 'intervalMs', where);
}

/** `{ model: reply | reply[] }` → validated entries. */
export function parseScriptMap(value: unknown): Array<[string, ScriptedReply[]]> {
  if (!isRecord(value)) throw new Error('body must be an object mapping model → reply or list of replies');
  return Object.entries(value).map(([model, replies]) => {
    const list = Array.isArray(replies) ? replies : [replies];
    return [model, list.map((reply, i) => parseReply(reply, `${model}[${i}]`))];
  });
}
