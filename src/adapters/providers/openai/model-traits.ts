/**
 * What OpenAI model ids imply for the request: which API they need, and whether they are reasoning models
 * (no `temperature`, a longer first-token wait).
 */
import type { OpenAIApi } from '../../types.ts';

/**
 * Models served only by the Responses API (small, documented list; the `openaiApi` setting overrides it):
 * o1-pro, o3-pro, gpt-5-pro (and gpt-5.x-pro), every *codex* model, the *deep-research* models, computer-use-preview.
 */
export const RESPONSES_ONLY_MODELS: readonly RegExp[] = [
  /^o1-pro/,
  /^o3-pro/,
  /^gpt-5(\.\d+)?-pro/,
  /codex/,
  /deep-research/,
  /^computer-use/,
];

function bare(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/^openai\//, '');
}

export function needsResponsesApi(model: string): boolean {
  const id = bare(model);
  return RESPONSES_ONLY_MODELS.some((pattern) => pattern.test(id));
}

/** o-series and gpt-5 models (not the gpt-5 chat snapshots) reason before answering and reject `temperature`. */
export function isReasoningModel(model: string): boolean {
  const id = bare(model);
  return /^o\d+(-|$)/.test(id) || (/^gpt-5/.test(id) && !/chat/.test(id)) || /codex|deep-research/.test(id);
}

export function chooseOpenAIApi(model: string, setting: OpenAIApi | undefined): OpenAIApi {
  return setting ?? (needsResponsesApi(model) ? 'responses' : 'chat');
}
