/** Google Gemini through `@google/genai`. */
import { resolvePolicy } from '../../runtime/policy.ts';
import type { PeerAdapter, ProviderSettings } from '../../types.ts';
import { hostedMessageContext, unversionedBaseURL } from '../common/endpoint.ts';
import { sdkAdapter } from '../common/sdk-adapter.ts';
import { googleConnection } from './connection.ts';
import { describeGoogleError } from './errors.ts';
import { geminiDriver } from './generate-driver.ts';
import { listGoogleModels } from './list-models.ts';

/** Gemini 2.5 Pro and the thinking models think before their first visible token. */
function isThinkingModel(model: string): boolean {
  return /gemini-(2\.5-pro|3)|thinking/.test(model);
}

export function createGoogleAdapter(settings: ProviderSettings): PeerAdapter {
  const baseURL = unversionedBaseURL(settings.baseURL);
  const connection = googleConnection(settings.apiKey, baseURL);
  const driver = geminiDriver(connection);
  return sdkAdapter({
    kind: 'google',
    apiKey: settings.apiKey,
    keyRequired: true,
    messageContext: hostedMessageContext(settings.label ?? 'Google Gemini', baseURL),
    policyFor: (model) => resolvePolicy(settings, isThinkingModel(model)),
    driverFor: () => driver,
    listModels: (signal) => listGoogleModels(connection, signal),
    describeError: (error) => describeGoogleError(error, connection.apiErrorClass()),
  });
}
