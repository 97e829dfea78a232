/**
 * `@google/genai` (the maintained successor of the end-of-life `@google/generative-ai`), imported on first use.
 * 2.x calls `/v1beta`; the base URL goes in `httpOptions.baseUrl`, without the version. It does not retry unless
 * asked (`httpOptions.retryOptions`), which we leave unset.
 */
import type { GoogleGenAI } from '@google/genai';
import type * as GenAISdk from '@google/genai';
import type { Lazy } from '../common/lazy.ts';
import { lazy } from '../common/lazy.ts';

export interface GoogleConnection {
  client: Lazy<GoogleGenAI>;
  /** The SDK's `ApiError` once loaded (for `instanceof`). */
  apiErrorClass(): (abstract new (...args: never[]) => Error) | undefined;
}

export function googleConnection(apiKey: string | undefined, baseURL: string | undefined): GoogleConnection {
  let sdk: typeof GenAISdk | undefined;
  const client = lazy(async () => {
    sdk = await import('@google/genai');
    return new sdk.GoogleGenAI({
      apiKey: apiKey ?? '',
      ...(baseURL === undefined ? {} : { httpOptions: { baseUrl: baseURL } }),
    });
  });
  return { client, apiErrorClass: () => sdk?.ApiError };
}
