/** `GET /v1beta/models` (Gemini shape: `models/…` names, `inputTokenLimit`), only models that generate content. */
import type { ModelInfo } from '../../types.ts';
import type { GoogleConnection } from './connection.ts';

export async function listGoogleModels(connection: GoogleConnection, signal?: AbortSignal): Promise<ModelInfo[]> {
  const client = await connection.client.get();
  const pager = await client.models.list(signal === undefined ? {} : { config: { abortSignal: signal } });
  const models: ModelInfo[] = [];
  for await (const model of pager) {
    if (model.supportedActions !== undefined && !model.supportedActions.includes('generateContent')) continue;
    const info: ModelInfo = { id: (model.name ?? '').replace(/^models\//, '') };
    if (model.displayName) info.label = model.displayName;
    if (typeof model.inputTokenLimit === 'number') info.contextWindow = model.inputTokenLimit;
    models.push(info);
  }
  return models;
}
