/**
 * `@anthropic-ai/sdk`, imported on first use, and one client per adapter. Browser access is enabled (the SDK then
 * sends `anthropic-dangerous-direct-browser-access: true`); the base URL excludes `/v1`.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type * as AnthropicSdk from '@anthropic-ai/sdk';
import type { Lazy } from '../common/lazy.ts';
import { lazy } from '../common/lazy.ts';
import type { StainlessErrorClasses } from '../common/stainless-errors.ts';

export interface AnthropicConnection {
  client: Lazy<Anthropic>;
  errorClasses(): StainlessErrorClasses | undefined;
}

export function anthropicConnection(apiKey: string | undefined, baseURL: string | undefined): AnthropicConnection {
  let sdk: typeof AnthropicSdk | undefined;
  const client = lazy(async () => {
    sdk = await import('@anthropic-ai/sdk');
    return new sdk.default({
      apiKey: apiKey ?? '',
      ...(baseURL === undefined ? {} : { baseURL }),
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
    });
  });
  return { client, errorClasses: () => sdk };
}
