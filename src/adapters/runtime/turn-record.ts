/**
 * What a turn has produced so far — text, stop reason, usage, timing — and the `TurnResult`s built from it.
 */
import type { TurnEnding } from '../../core/index.ts';
import type { AdapterEvent, TokenCounts, TurnError, TurnResult } from '../types.ts';
import type { StopEnding } from './driver.ts';
import { ReasoningTracker } from './reasoning-tracker.ts';

export type Clock = () => number;

export const defaultClock: Clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Calls the listener without letting its exceptions end the turn; they are rethrown asynchronously. */
function safeEmitter(listener: ((event: AdapterEvent) => void) | undefined): (event: AdapterEvent) => void {
  if (listener === undefined) return () => undefined;
  return (event) => {
    try {
      listener(event);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  };
}

export class TurnRecord {
  private text = '';
  private stopReason: string | null = null;
  private input: number | undefined;
  private output: number | undefined;
  private firstTokenAt: number | null = null;
  private stopEnding: StopEnding | undefined;
  private refusal = '';
  private readonly reasoning = new ReasoningTracker();
  private readonly startedAt: number;
  readonly emit: (event: AdapterEvent) => void;

  constructor(
    private readonly clock: Clock,
    listener: ((event: AdapterEvent) => void) | undefined,
  ) {
    this.startedAt = clock();
    this.emit = safeEmitter(listener);
  }

  get hasText(): boolean {
    return this.text !== '';
  }

  /** Text or reasoning has streamed: a retry would show it twice. */
  get hasOutput(): boolean {
    return this.text !== '' || this.reasoning.present || this.refusal !== '';
  }

  addReasoning(text: string): void {
    if (this.reasoning.add(text, this.clock())) this.emit({ type: 'reasoning', text });
  }

  markReasoningRedacted(): void {
    this.reasoning.markRedacted(this.clock());
  }

  addRefusal(text: string): void {
    this.refusal += text;
  }

  addText(text: string): void {
    if (text === '') return;
    if (this.firstTokenAt === null) {
      this.firstTokenAt = this.clock();
      this.reasoning.answerStarted(this.firstTokenAt);
    }
    this.text += text;
    this.emit({ type: 'delta', text });
  }

  setUsage(inputTokens: number | undefined, outputTokens: number | undefined, reasoningTokens?: number): void {
    if (inputTokens !== undefined) this.input = inputTokens;
    if (outputTokens !== undefined) this.output = outputTokens;
    if (reasoningTokens !== undefined) this.reasoning.setTokens(reasoningTokens);
  }

  setStopReason(stopReason: string, ending?: StopEnding): void {
    this.stopReason = stopReason;
    this.stopEnding = ending;
  }

  /** How a complete reply ended, when that needs a word: the provider's own meaning first, then a refusal, then no text. */
  private ending(): TurnEnding | undefined {
    const refusal = this.refusal.trim() === '' ? {} : { refusal: this.refusal };
    if (this.stopEnding !== undefined) return { kind: this.stopEnding, providerReason: this.stopReason, ...refusal };
    if (this.refusal.trim() !== '') return { kind: 'refusal', providerReason: 'refusal', ...refusal };
    if (this.text.trim() === '') return { kind: 'empty', providerReason: this.stopReason };
    return undefined;
  }

  private base() {
    const usage: TokenCounts | null =
      this.input === undefined && this.output === undefined
        ? null
        : { inputTokens: this.input ?? 0, outputTokens: this.output ?? 0 };
    const reasoning = this.reasoning.record(this.clock());
    return {
      text: this.text,
      stopReason: this.stopReason,
      ...(reasoning !== undefined ? { reasoning } : {}),
      usage,
      latency: {
        firstTokenMs: this.firstTokenAt === null ? null : Math.round(this.firstTokenAt - this.startedAt),
        totalMs: Math.round(this.clock() - this.startedAt),
      },
    };
  }

  complete(): TurnResult {
    const ending = this.ending();
    return { status: 'complete', ...this.base(), ...(ending !== undefined ? { ending } : {}) };
  }

  interrupted(error: TurnError): TurnResult {
    return { status: 'interrupted', ...this.base(), error };
  }

  failed(error: TurnError): TurnResult {
    return { status: 'error', ...this.base(), error };
  }
}
