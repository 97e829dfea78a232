// Model lists and single-model lookups in each provider's shape.
import type { ModelCatalog } from '../types.ts';

export type ModelFlavor = 'openai' | 'anthropic' | 'gemini';

export const DEFAULT_MODELS: ModelCatalog = {
  openai: ['gpt-4o-mini', 'gpt-4.1', 'gpt-5-mini'],
  anthropic: ['claude-sonnet-4-6', 'claude-haiku-4-5', 'claude-opus-4-7'],
  gemini: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-2.5-flash-lite'],
};

const CREATED = 1_735_689_600; // 2025-01-01T00:00:00Z, fixed so lists are deterministic.

function displayName(id: string): string {
  return id
    .split('-')
    .map((word) => (/^\d/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

function openaiModel(id: string) {
  return { id, object: 'model', created: CREATED, owned_by: 'fake-providers' };
}

function anthropicModel(id: string) {
  return {
    id,
    type: 'model',
    display_name: displayName(id),
    created_at: new Date(CREATED * 1000).toISOString(),
    max_input_tokens: 200_000,
    max_tokens: 64_000,
  };
}

function geminiModel(id: string) {
  return {
    name: `models/${id}`,
    version: '001',
    displayName: displayName(id),
    description: `Fake ${id} served by the local fake providers.`,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: ['generateContent', 'countTokens'],
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2,
  };
}

export function listBody(flavor: ModelFlavor, models: ModelCatalog): unknown {
  switch (flavor) {
    case 'openai':
      return { object: 'list', data: models.openai.map(openaiModel) };
    case 'anthropic':
      return {
        data: models.anthropic.map(anthropicModel),
        has_more: false,
        first_id: models.anthropic[0] ?? null,
        last_id: models.anthropic[models.anthropic.length - 1] ?? null,
      };
    case 'gemini':
      return { models: models.gemini.map(geminiModel) };
  }
}

/** The body for one model, or null when the catalog does not list it. */
export function retrieveBody(flavor: ModelFlavor, models: ModelCatalog, id: string): unknown {
  const bare = id.replace(/^models\//, '');
  if (!models[flavor].includes(bare)) return null;
  switch (flavor) {
    case 'openai':
      return openaiModel(bare);
    case 'anthropic':
      return anthropicModel(bare);
    case 'gemini':
      return geminiModel(bare);
  }
}
