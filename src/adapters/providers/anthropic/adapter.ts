/** Anthropic Messages API through `@anthropic-ai/sdk`. */
import { resolvePolicy } from '../../runtime/policy.ts';
import type { PeerAdapter, ProviderSettings } from '../../types.ts';
import { hostedMessageContext, unversionedBaseURL } from '../common/endpoint.ts';
import { sdkAdapter } from '../common/sdk-adapter.ts';
import { describeStainlessError } from '../common/stainless-errors.ts';
import { anthropicConnection } from './connection.ts';
import { listAnthropicModels } from './list-models.ts';
import { anthropicMessagesDriver } from './messages-driver.ts';

export function createAnthropicAdapter(settings: ProviderSettings): PeerAdapter {
  const baseURL = unversionedBaseURL(settings.baseURL);
  const connection = anthropicConnection(settings.apiKey, baseURL);
  const driver = anthropicMessagesDriver(connection);
  return sdkAdapter({
    kind: 'anthropic',
    apiKey: settings.apiKey,
    keyRequired: true,
    messageContext: hostedMessageContext(settings.label ?? 'Anthropic', baseURL),
    policyFor: () => resolvePolicy(settings),
    driverFor: () => driver,
    listModels: (signal) => listAnthropicModels(connection, signal),
    describeError: (error) => describeStainlessError(error, connection.errorClasses()),
  });
}
