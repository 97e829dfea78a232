/**
 * The one entry point: settings in, adapter out. Nothing is loaded here; each adapter imports its SDK on its first
 * `stream` or `listModels`.
 */
import { createDemoAdapter } from './demo/adapter.ts';
import { createAnthropicAdapter } from './providers/anthropic/adapter.ts';
import { createGoogleAdapter } from './providers/google/adapter.ts';
import { createOpenAIAdapter } from './providers/openai/adapter.ts';
import { createCompatibleAdapter } from './providers/openai/compatible-adapter.ts';
import type { PeerAdapter, ProviderSettings } from './types.ts';

export function createAdapter(settings: ProviderSettings): PeerAdapter {
  switch (settings.kind) {
    case 'openai':
      return createOpenAIAdapter(settings);
    case 'anthropic':
      return createAnthropicAdapter(settings);
    case 'google':
      return createGoogleAdapter(settings);
    case 'openai-compatible':
      return createCompatibleAdapter(settings);
    case 'demo':
      return createDemoAdapter();
  }
}
