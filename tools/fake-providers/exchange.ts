// One request/response pair: writes that keep the log entry current, and waits that stop when the client leaves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NewRequest, RequestLog } from './log.ts';
import type { LoggedRequest } from './types.ts';

export class Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly entry: LoggedRequest;
  readonly #log: RequestLog;
  #gone = false;
  #serverClosing = false;
  readonly #wakers = new Set<() => void>();

  constructor(req: IncomingMessage, res: ServerResponse, log: RequestLog, entry: LoggedRequest) {
    this.req = req;
    this.res = res;
    this.entry = entry;
    this.#log = log;
    res.on('close', () => {
      this.#gone = true;
      // `close` before the response finished means the connection went away under us.
      if (!res.writableFinished && !this.#serverClosing) this.#log.update(entry, { clientClosed: true });
      for (const wake of this.#wakers) wake();
      this.#wakers.clear();
    });
  }

  /** The connection is closed (by the client, or by us). */
  get gone(): boolean {
    return this.#gone;
  }

  /** Update this request's log entry. */
  update(patch: Partial<NewRequest>): void {
    this.#log.update(this.entry, patch);
  }

  /** Mark that the server itself is about to drop the connection, so it is not logged as a client close. */
  markServerClose(): void {
    this.#serverClosing = true;
  }

  /** Resolve after `ms`, or as soon as the connection closes. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#gone) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#wakers.add(wake);
    });
  }

  writeHead(status: number, headers: Record<string, string>): void {
    if (this.#gone || this.res.headersSent) return;
    this.res.writeHead(status, headers);
    this.res.flushHeaders();
    this.#log.update(this.entry, { status });
  }

  /** Write frames; resolves once they are handed to the socket. */
  write(frames: readonly string[]): Promise<void> {
    if (this.#gone || frames.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.res.write(frames.join(''), () => resolve());
    });
  }

  /** Finish the response normally. */
  end(frames: readonly string[] = []): void {
    if (this.#gone) return;
    this.res.on('finish', () => this.#log.update(this.entry, { completed: true }));
    this.res.end(frames.join(''));
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    this.writeHead(status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    });
    this.end([text]);
  }

  /** Drop the connection without finishing the response (a simulated network failure). */
  destroy(): void {
    this.#serverClosing = true;
    this.res.socket?.destroy();
  }
}
