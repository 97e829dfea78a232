/**
 * The reasoning of one turn as it streams: its text, whether some was redacted, its token count and how long the
 * model reasoned (from the first reasoning to the first answer text, or to the end when no answer came).
 */
import type { ReasoningRecord } from '../../core/index.ts';

export class ReasoningTracker {
  private text = '';
  private redacted = false;
  private tokens: number | undefined;
  private startedAt: number | null = null;
  private endedAt: number | null = null;

  /** Some reasoning was streamed or redacted. */
  get present(): boolean {
    return this.text !== '' || this.redacted;
  }

  /** Adds streamed reasoning; returns false for an empty piece (nothing to show). */
  add(text: string, now: number): boolean {
    if (text === '') return false;
    this.startedAt ??= now;
    this.text += text;
    return true;
  }

  markRedacted(now: number): void {
    this.startedAt ??= now;
    this.redacted = true;
  }

  setTokens(tokens: number): void {
    this.tokens = tokens;
  }

  /** The answer began: reasoning that comes later still counts, but the duration ends here. */
  answerStarted(now: number): void {
    if (this.startedAt !== null) this.endedAt ??= now;
  }

  /** The record for the result; undefined when the model showed no reasoning at all. */
  record(now: number): ReasoningRecord | undefined {
    if (this.text === '' && !this.redacted) return undefined;
    const started = this.startedAt ?? now;
    return {
      text: this.text,
      ...(this.redacted ? { redacted: true } : {}),
      // A token count without any reasoning shown (a hidden chain of thought) is only usage, not reasoning.
      ...(this.tokens !== undefined ? { tokens: this.tokens } : {}),
      durationMs: Math.max(0, Math.round((this.endedAt ?? now) - started)),
    };
  }
}
