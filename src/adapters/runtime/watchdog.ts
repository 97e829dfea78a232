/**
 * First-token and idle timeouts of one attempt. Until the first text, the first-token clock runs (other events do
 * not reset it); after that, every event resets the idle clock. When one fires, `onTimeout` aborts the request.
 */
import type { Failure } from '../errors/failure.ts';

export interface Watchdog {
  /** Call for every stream part; `isText` for visible text. */
  activity(isText: boolean): void;
  stop(): void;
  /** The timeout that fired, if any. */
  readonly fired: Extract<Failure, { kind: 'timeout' }> | null;
}

export function startWatchdog(limits: { firstTokenMs: number; idleMs: number }, onTimeout: () => void): Watchdog {
  let fired: Extract<Failure, { kind: 'timeout' }> | null = null;
  let sawText = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (phase: 'first-token' | 'idle', afterMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = { kind: 'timeout', phase, afterMs };
      onTimeout();
    }, afterMs);
  };

  arm('first-token', limits.firstTokenMs);
  return {
    activity(isText) {
      if (fired !== null) return;
      if (isText) sawText = true;
      if (sawText) arm('idle', limits.idleMs);
    },
    stop() {
      clearTimeout(timer);
    },
    get fired() {
      return fired;
    },
  };
}
