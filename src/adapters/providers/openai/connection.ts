/**
 * The `openai` SDK, imported on first use (a separate chunk, not in the app's first load), and one client per
 * adapter. Used by both the OpenAI and the OpenAI-compatible adapters.
 */
import type OpenAI from 'openai';
import type * as OpenAISdk from 'openai';
import type { StainlessErrorClasses } from '../common/stainless-errors.ts';
import type { Lazy } from '../common/lazy.ts';
import { lazy } from '../common/lazy.ts';

export interface OpenAIConnection {
  client: Lazy<OpenAI>;
  /** The SDK's error classes once it is loaded (for `instanceof`). */
  errorClasses(): StainlessErrorClasses | undefined;
}

export interface OpenAIConnectionOptions {
  apiKey: string | undefined;
  baseURL: string | undefined;
  /** OpenAI-compatible servers: send no Authorization and no x-stainless-* headers (fewer CORS surprises). */
  plainHeaders: boolean;
}

/** Headers the SDK adds on its own; `null` removes them (servers must otherwise allow each one in CORS). */
const STAINLESS_HEADERS = [
  'X-Stainless-Lang',
  'X-Stainless-Package-Version',
  'X-Stainless-OS',
  'X-Stainless-Arch',
  'X-Stainless-Runtime',
  'X-Stainless-Runtime-Version',
  'X-Stainless-Retry-Count',
  'X-Stainless-Timeout',
];

function defaultHeaders(options: OpenAIConnectionOptions): Record<string, null> | undefined {
  if (!options.plainHeaders) return undefined;
  const headers: Record<string, null> = {};
  for (const name of STAINLESS_HEADERS) headers[name] = null;
  if (options.apiKey === undefined) headers.Authorization = null;
  return headers;
}

export function openaiConnection(options: OpenAIConnectionOptions): OpenAIConnection {
  let sdk: typeof OpenAISdk | undefined;
  const client = lazy(async () => {
    sdk = await import('openai');
    const headers = defaultHeaders(options);
    return new sdk.default({
      // The SDK insists on a key; a keyless compatible server gets none (the header is removed above).
      apiKey: options.apiKey ?? 'no-key',
      ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
      ...(headers === undefined ? {} : { defaultHeaders: headers }),
      dangerouslyAllowBrowser: true,
      // Retries are ours (they report "retrying in N s" and stop after the first token).
      maxRetries: 0,
    });
  });
  return { client, errorClasses: () => sdk };
}
