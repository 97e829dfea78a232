/**
 * What a turn has produced so far — text, stop reason, usage, timing — and the `TurnResult`s built from it.
 */
import type { AdapterEvent, TokenCounts, TurnError, TurnResult } from '../types.ts';

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

  addText(text: string): void {
    if (text === '') return;
    if (this.firstTokenAt === null) this.firstTokenAt = this.clock();
    this.text += text;
    this.emit({ type: 'delta', text });
  }

  setUsage(inputTokens: number | undefined, outputTokens: number | undefined): void {
    if (inputTokens !== undefined) this.input = inputTokens;
    if (outputTokens !== undefined) this.output = outputTokens;
  }

  setStopReason(stopReason: string): void {
    this.stopReason = stopReason;
  }

  private base() {
    const usage: TokenCounts | null =
      this.input === undefined && this.output === undefined
        ? null
        : { inputTokens: this.input ?? 0, outputTokens: this.output ?? 0 };
    return {
      text: this.text,
      stopReason: this.stopReason,
      usage,
      latency: {
        firstTokenMs: this.firstTokenAt === null ? null : Math.round(this.firstTokenAt - this.startedAt),
        totalMs: Math.round(this.clock() - this.startedAt),
      },
    };
  }

  complete(): TurnResult {
    return { status: 'complete', ...this.base() };
  }

  interrupted(error: TurnError): TurnResult {
    return { status: 'interrupted', ...this.base(), error };
  }

  failed(error: TurnError): TurnResult {
    return { status: 'error', ...this.base(), error };
  }
}
