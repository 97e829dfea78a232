import type { ProviderId } from '../../store/index.ts';

export const PROVIDER_LABEL: Record<ProviderId, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  'openai-compatible': 'OpenAI-compatible',
  demo: 'Demo (simulated, no key)',
};

/** Providers a seat can use, in the order the pickers list them. */
export const SEAT_PROVIDERS: readonly ProviderId[] = ['openai', 'anthropic', 'google', 'openai-compatible', 'demo'];

/** Providers that take a key or a base URL (the demo needs neither). */
export const CONFIGURABLE_PROVIDERS: readonly ProviderId[] = ['openai', 'anthropic', 'google', 'openai-compatible'];
