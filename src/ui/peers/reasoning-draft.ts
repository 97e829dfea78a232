/** A seat's reasoning options as the peer form types them, and back to the seat's settings (the store judges). */
import type { ProviderId, ReasoningEffort, ReasoningRequest } from '../../store/index.ts';
import { lookupModel } from '../../store/index.ts';

export interface ReasoningDraft {
  /** '' is the provider's default. */
  effort: ReasoningEffort | '';
  /** Blank is the provider's default. */
  budgetTokens: string;
  includeThoughts: boolean;
}

export function reasoningDraftOf(reasoning: ReasoningRequest | undefined): ReasoningDraft {
  return {
    effort: reasoning?.effort ?? '',
    budgetTokens: reasoning?.budgetTokens?.toString() ?? '',
    includeThoughts: reasoning?.includeThoughts ?? false,
  };
}

/** Which options a provider reads: Anthropic a thinking budget, OpenAI an effort, Gemini a budget and summaries. */
export type ReasoningOptions = 'budget' | 'effort' | 'budget-and-thoughts' | 'none';

export function reasoningOptionsFor(provider: ProviderId, model: string): ReasoningOptions {
  if (provider === 'demo') return 'none';
  // Shown where the catalog says the model reasons, or does not know the model.
  const known = lookupModel(provider, model.trim());
  if (known?.capabilities !== undefined && !known.capabilities.reasoning) return 'none';
  if (provider === 'anthropic') return 'budget';
  if (provider === 'google') return 'budget-and-thoughts';
  return 'effort';
}

/** The seat's reasoning request: only what its provider reads and the human set; undefined when nothing is. */
export function reasoningOf(draft: ReasoningDraft, options: ReasoningOptions): ReasoningRequest | undefined {
  const budget = draft.budgetTokens.trim() === '' ? undefined : Number(draft.budgetTokens);
  const request: ReasoningRequest = {};
  if (options === 'effort' && draft.effort !== '') request.effort = draft.effort;
  if ((options === 'budget' || options === 'budget-and-thoughts') && budget !== undefined)
    request.budgetTokens = budget;
  if (options === 'budget-and-thoughts' && draft.includeThoughts) request.includeThoughts = true;
  return Object.keys(request).length > 0 ? request : undefined;
}
