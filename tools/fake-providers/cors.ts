// CORS for browser callers: every response carries the allow/expose headers; preflights get 204.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Response headers the browser SDKs read (retry waits, request ids, rate-limit state). */
export const EXPOSED_HEADERS = [
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'request-id',
  'openai-processing-ms',
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'anthropic-ratelimit-requests-limit',
  'anthropic-ratelimit-requests-remaining',
  'anthropic-ratelimit-requests-reset',
  'anthropic-organization-id',
  'x-gemini-service-tier',
].join(', ');

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** Used when a preflight does not list its headers. `*` would not cover Authorization. */
const DEFAULT_ALLOWED_HEADERS =
  'authorization, content-type, x-api-key, x-goog-api-key, x-goog-api-client, api-key, anthropic-version, ' +
  'anthropic-beta, anthropic-dangerous-direct-browser-access, openai-organization, openai-project';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Set the headers every response carries. Call before anything is written. */
export function applyCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', header(req, 'origin') ?? '*');
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
}

/** Answer a preflight: 204, the requested headers echoed back. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
  res.setHeader(
    'access-control-allow-headers',
    header(req, 'access-control-request-headers') ?? DEFAULT_ALLOWED_HEADERS,
  );
  res.setHeader('access-control-max-age', '600');
  // Chrome's Private Network Access preflight (a public page calling 127.0.0.1).
  if (header(req, 'access-control-request-private-network') === 'true') {
    res.setHeader('access-control-allow-private-network', 'true');
  }
  res.writeHead(204);
  res.end();
}
