/**
 * OpenAI (api.openai.com or another base URL): Chat Completions, or the Responses API when the setting says so or
 * the model needs it.
 */
import { resolvePolicy } from '../../runtime/policy.ts';
import type { PeerAdapter, ProviderSettings } from '../../types.ts';
import { hostedMessageContext, openaiBaseURL } from '../common/endpoint.ts';
import { sdkAdapter } from '../common/sdk-adapter.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import { openaiChatDriver } from './chat-driver.ts';
import { openaiConnection } from './connection.ts';
import { listOpenAIModels } from './list-models.ts';
import { chooseOpenAIApi, isReasoningModel } from './model-traits.ts';
import { openaiResponsesDriver } from './responses-driver.ts';

export function createOpenAIAdapter(settings: ProviderSettings): PeerAdapter {
  const baseURL = openaiBaseURL(settings.baseURL);
  const connection = openaiConnection({ apiKey: settings.apiKey, baseURL, plainHeaders: false });
  return sdkAdapter({
    kind: 'openai',
    apiKey: settings.apiKey,
    keyRequired: true,
    messageContext: hostedMessageContext(settings.label ?? 'OpenAI', baseURL),
    policyFor: (model) => resolvePolicy(settings, isReasoningModel(model)),
    driverFor: (model) => {
      const sendTemperature = !isReasoningModel(model);
      return chooseOpenAIApi(model, settings.openaiApi) === 'responses'
        ? openaiResponsesDriver(connection, { sendTemperature })
        : openaiChatDriver(connection, { maxTokensField: 'max_completion_tokens', sendTemperature });
    },
    listModels: (signal) => listOpenAIModels(connection, signal),
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  });
}
