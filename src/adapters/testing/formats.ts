/**
 * Test helper: the five wire formats the adapters speak, as seen through the fake-provider server.
 */
import type { PeerRequest } from '../../core/index.ts';
import type { Provider } from '../../../tools/fake-providers/index.ts';
import type { ProviderSettings } from '../types.ts';

export interface FormatCase {
  name: 'openai-chat' | 'openai-responses' | 'anthropic' | 'google' | 'openai-compatible';
  /** How the fake logs it. */
  logged: Provider;
  /** The provider's stop reason for a natural end, and for running out of tokens. */
  stop: string;
  lengthStop: string;
  /** How the system prompt and assistant role appear in the fake's log. */
  assistantRole: string;
  settings(url: string, overrides?: Partial<ProviderSettings>): ProviderSettings;
}

export const API_KEY = 'sk-test-SECRET-key-0123456789abcdef';

export const FORMATS: readonly FormatCase[] = [
  {
    name: 'openai-chat',
    logged: 'openai-chat',
    stop: 'stop',
    lengthStop: 'length',
    assistantRole: 'assistant',
    settings: (url, overrides) => ({ kind: 'openai', apiKey: API_KEY, baseURL: `${url}/v1`, ...overrides }),
  },
  {
    name: 'openai-responses',
    logged: 'openai-responses',
    stop: 'completed',
    lengthStop: 'max_output_tokens',
    assistantRole: 'assistant',
    settings: (url, overrides) => ({
      kind: 'openai',
      apiKey: API_KEY,
      baseURL: `${url}/v1`,
      openaiApi: 'responses',
      ...overrides,
    }),
  },
  {
    name: 'anthropic',
    logged: 'anthropic',
    stop: 'end_turn',
    lengthStop: 'max_tokens',
    assistantRole: 'assistant',
    settings: (url, overrides) => ({ kind: 'anthropic', apiKey: API_KEY, baseURL: url, ...overrides }),
  },
  {
    name: 'google',
    logged: 'gemini',
    stop: 'STOP',
    lengthStop: 'MAX_TOKENS',
    assistantRole: 'model',
    settings: (url, overrides) => ({ kind: 'google', apiKey: API_KEY, baseURL: url, ...overrides }),
  },
  {
    name: 'openai-compatible',
    logged: 'openai-chat',
    stop: 'stop',
    lengthStop: 'length',
    assistantRole: 'assistant',
    settings: (url, overrides) => ({
      kind: 'openai-compatible',
      baseURL: `${url}/ollama/v1`,
      label: 'Local box',
      ...overrides,
    }),
  },
];

/** A request as the core builds it: attributed, alternating, starting with the human. */
export function sampleRequest(model: string, overrides: Partial<PeerRequest> = {}): PeerRequest {
  return {
    peerId: 'peer-ada',
    model,
    system: 'You are Ada (@ada), one of several AI participants.',
    messages: [
      { role: 'user', content: '[@you (You)]:\nWhat is 2+2?' },
      { role: 'assistant', content: 'Four.' },
      { role: 'user', content: '[@bo (Bo)]:\nAgreed. @ada why?' },
    ],
    ...overrides,
  };
}

let counter = 0;

/** A model name no other test uses (the fake's scripts are per model). */
export function uniqueModel(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
