/**
 * `GET /models` through the openai SDK (OpenAI and compatible servers). OpenRouter adds `context_length` and
 * per-token `pricing`, which are kept when present.
 */
import type { ModelInfo } from '../../types.ts';
import { field, numberField, stringField } from '../common/fields.ts';
import type { OpenAIConnection } from './connection.ts';

/** OpenRouter's `pricing.prompt` is USD per token, as a string. */
function perMillion(value: unknown): number | undefined {
  const perToken = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(perToken) && perToken >= 0 ? Math.round(perToken * 1e6 * 1e6) / 1e6 : undefined;
}

export function openaiModelInfo(raw: unknown): ModelInfo {
  const info: ModelInfo = { id: stringField(raw, 'id') ?? '' };
  const label = stringField(raw, 'name');
  const contextWindow = numberField(raw, 'context_length');
  const pricing = field(raw, 'pricing');
  const input = perMillion(field(pricing, 'prompt'));
  const output = perMillion(field(pricing, 'completion'));
  if (label !== undefined) info.label = label;
  if (contextWindow !== undefined) info.contextWindow = contextWindow;
  if (input !== undefined && output !== undefined) {
    info.inputPricePerMTok = input;
    info.outputPricePerMTok = output;
  }
  return info;
}

export async function listOpenAIModels(connection: OpenAIConnection, signal?: AbortSignal): Promise<ModelInfo[]> {
  const client = await connection.client.get();
  const models: ModelInfo[] = [];
  for await (const model of client.models.list(signal === undefined ? {} : { signal }))
    models.push(openaiModelInfo(model));
  return models;
}
