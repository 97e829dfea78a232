/** `GET /v1/models` (Anthropic shape: `display_name`, `max_input_tokens`), all pages. */
import type { ModelInfo } from '../../types.ts';
import type { AnthropicConnection } from './connection.ts';

export async function listAnthropicModels(connection: AnthropicConnection, signal?: AbortSignal): Promise<ModelInfo[]> {
  const client = await connection.client.get();
  const models: ModelInfo[] = [];
  for await (const model of client.models.list({}, signal === undefined ? {} : { signal })) {
    const info: ModelInfo = { id: model.id };
    if (model.display_name) info.label = model.display_name;
    if (typeof model.max_input_tokens === 'number') info.contextWindow = model.max_input_tokens;
    models.push(info);
  }
  return models;
}
