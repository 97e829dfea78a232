// The request log: one entry per request, secrets redacted, updated as the response progresses.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { LoggedRequest, RequestFilter } from './types.ts';

export const REDACTED = '[redacted]';

/** Header names whose values are secrets (matched case-insensitively, anywhere in the name). */
const SECRET_HEADER = /authorization|api-key|api_key|apikey|token|secret|cookie|password/i;
/** Query parameters whose values are secrets (Gemini accepts `?key=`). */
const SECRET_QUERY = /^(key|api[-_]?key|access_token|token)$/i;

export function redactHeaders(headers: IncomingHttpHeaders): {
  headers: Record<string, string>;
  hadCredentials: boolean;
} {
  const out: Record<string, string> = {};
  let hadCredentials = false;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (SECRET_HEADER.test(lower)) {
      out[lower] = REDACTED;
      if (lower !== 'cookie') hadCredentials = true;
    } else {
      out[lower] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return { headers: out, hadCredentials };
}

/** The path with secret query parameters redacted, and whether one was present. */
export function redactPath(rawUrl: string): { path: string; hadCredentials: boolean } {
  const url = new URL(rawUrl, 'http://fake.invalid');
  let hadCredentials = false;
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_QUERY.test(name)) {
      url.searchParams.set(name, REDACTED);
      hadCredentials = true;
    }
  }
  return { path: url.pathname + url.search, hadCredentials };
}

/** Where each provider's SDK puts its key: a bearer token, `x-api-key`, `x-goog-api-key`, or `?key=`. */
function credentialOf(headers: IncomingHttpHeaders, rawUrl: string): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1];
  const header = headers['x-api-key'] ?? headers['x-goog-api-key'];
  const query = new URL(rawUrl, 'http://fake.invalid').searchParams.get('key');
  const key = bearer ?? (Array.isArray(header) ? header[0] : header) ?? query;
  return key === undefined || key === null || key === '' ? null : key;
}

/**
 * Which key a request carried, without logging it: the first 16 hex digits of its SHA-256 (`keyFingerprint` of the
 * same key gives the same value), or null when it carried none.
 */
export function credentialFingerprint(headers: IncomingHttpHeaders, rawUrl: string): string | null {
  const key = credentialOf(headers, rawUrl);
  return key === null ? null : keyFingerprint(key);
}

export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export type NewRequest = Omit<LoggedRequest, 'id' | 'at'>;

interface Waiter {
  predicate: (request: LoggedRequest) => boolean;
  resolve: (request: LoggedRequest) => void;
}

export class RequestLog {
  #entries: LoggedRequest[] = [];
  #nextId = 1;
  #waiters = new Set<Waiter>();

  /** Record a new request; the returned entry is live: change it through `update`. */
  add(request: NewRequest): LoggedRequest {
    const entry: LoggedRequest = { id: this.#nextId++, at: new Date().toISOString(), ...request };
    this.#entries.push(entry);
    this.#notify(entry);
    return entry;
  }

  update(entry: LoggedRequest, patch: Partial<NewRequest>): void {
    Object.assign(entry, patch);
    this.#notify(entry);
  }

  /** Snapshots (deep copies) of the entries that match the filter, oldest first. */
  list(filter: RequestFilter = {}): LoggedRequest[] {
    return this.#entries.filter((entry) => matches(entry, filter)).map((entry) => structuredClone(entry));
  }

  clear(): void {
    this.#entries = [];
    this.#nextId = 1;
  }

  /** Resolve with the first entry (existing or future) the predicate accepts; reject after the timeout. */
  waitFor(predicate: (request: LoggedRequest) => boolean, timeoutMs = 5000): Promise<LoggedRequest> {
    const existing = this.#entries.find(predicate);
    if (existing) return Promise.resolve(structuredClone(existing));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(structuredClone(request));
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`fake providers: no logged request matched within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  #notify(entry: LoggedRequest): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.predicate(entry)) waiter.resolve(entry);
    }
  }
}

function matches(entry: LoggedRequest, filter: RequestFilter): boolean {
  if (filter.model !== undefined && entry.model !== filter.model) return false;
  if (filter.provider !== undefined && entry.provider !== filter.provider) return false;
  return true;
}
