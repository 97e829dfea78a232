/**
 * Any OpenAI-compatible server (Ollama, LM Studio, OpenRouter, vLLM, llama.cpp…): the openai SDK with the user's
 * base URL, an optional key, `max_tokens`, and no SDK-specific headers. Chat Completions unless the setting asks
 * for the Responses API.
 */
import { presetForBaseURL } from '../../presets.ts';
import { resolvePolicy } from '../../runtime/policy.ts';
import type { PeerAdapter, ProviderSettings } from '../../types.ts';
import { displayEndpoint, openaiBaseURL } from '../common/endpoint.ts';
import { sdkAdapter } from '../common/sdk-adapter.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import { openaiChatDriver } from './chat-driver.ts';
import { openaiConnection } from './connection.ts';
import { listOpenAIModels } from './list-models.ts';
import { openaiResponsesDriver } from './responses-driver.ts';

export function createCompatibleAdapter(settings: ProviderSettings): PeerAdapter {
  const baseURL = openaiBaseURL(settings.baseURL);
  const apiKey = settings.apiKey === undefined || settings.apiKey.trim() === '' ? undefined : settings.apiKey;
  const connection = openaiConnection({ apiKey, baseURL, plainHeaders: true });
  const preset = presetForBaseURL(baseURL);
  const endpoint = displayEndpoint(baseURL) ?? 'the base URL set in Providers';
  const provider = settings.label ?? preset?.label ?? 'the OpenAI-compatible server';
  const networkHint = preset?.networkHint ?? 'Is the server running, and does it allow this page’s origin (CORS)?';
  return sdkAdapter({
    kind: 'openai-compatible',
    apiKey,
    keyRequired: false,
    ...(baseURL === undefined
      ? { misconfigured: `No base URL is set for ${provider}. Add one in Providers (e.g. http://localhost:11434/v1).` }
      : {}),
    messageContext: (model) => ({ provider, endpoint, networkHint, ...(model === undefined ? {} : { model }) }),
    policyFor: () => resolvePolicy(settings),
    driverFor: () =>
      settings.openaiApi === 'responses'
        ? openaiResponsesDriver(connection, { sendTemperature: true })
        : openaiChatDriver(connection, { maxTokensField: 'max_tokens', sendTemperature: true }),
    listModels: (signal) => listOpenAIModels(connection, signal),
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  });
}
