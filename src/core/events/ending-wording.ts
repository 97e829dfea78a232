/**
 * A reply's ending and its reasoning figures in plain words: one wording, used by the message, the event log and
 * the Markdown export (like `roundEndWords` for round ends).
 */
import type { ProviderId } from '../domain/participants.ts';
import type { ReasoningRecord, TurnEnding } from '../domain/reasoning.ts';

const PROVIDER_NAME: Record<ProviderId, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  'openai-compatible': 'The provider',
  demo: 'The demo peer',
};

const withReason = (reason: string | null) => (reason === null ? '' : ` (${reason})`);

/**
 * "Anthropic declined to answer (refusal).", "Cut off: the reply reached its token limit (max_tokens).",
 * "The model sent an empty reply." A refusal's own text follows it in quotes.
 */
export function endingWords(ending: TurnEnding, provider: ProviderId): string {
  const name = PROVIDER_NAME[provider];
  switch (ending.kind) {
    case 'refusal': {
      const refusal = ending.refusal?.trim();
      const said = refusal ? ` It said: “${refusal}”` : '';
      return `${name} declined to answer${withReason(ending.providerReason)}.${said}`;
    }
    case 'content-filter':
      return ending.providerReason?.startsWith('PROMPT_BLOCKED') === true
        ? `${name} blocked the prompt before any reply${withReason(ending.providerReason)}.`
        : `${name}’s content filter stopped the reply${withReason(ending.providerReason)}.`;
    case 'max-tokens':
      return `Cut off: the reply reached its token limit${withReason(ending.providerReason)}.`;
    case 'empty':
      return 'The model sent an empty reply.';
  }
}

/** "1,234 tokens · 3.2 s" (either part left out when unknown); '' when neither is known. */
export function reasoningFigures(reasoning: ReasoningRecord): string {
  const parts: string[] = [];
  if (reasoning.tokens !== undefined) parts.push(`${reasoning.tokens.toLocaleString('en-US')} tokens`);
  if (reasoning.durationMs !== undefined) parts.push(`${(reasoning.durationMs / 1000).toFixed(1)} s`);
  return parts.join(' · ');
}

export const REDACTED_REASONING_NOTE = 'Some reasoning was redacted by the provider.';
