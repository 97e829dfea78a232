/**
 * Known models: context windows, list prices in US dollars per million input / output tokens, and a speed class.
 *
 * These are EDITABLE DEFAULTS, not facts fetched at run time: prices change, and the user's overrides (passed to
 * `lookupModel`) always win. Figures are the providers' published standard (non-batch, non-cached) rates; where a
 * provider charges more above a prompt size (Gemini 2.5 Pro above 200k tokens) the lower tier is listed. Update
 * this table, not the code, when a provider changes its list.
 *
 * `speedClass` marks models that think before they answer (reasoning, "pro", deep research): they keep a person
 * waiting longer for the first word. DAP's provider default lets them speak a little less often
 * (`src/adapters/profile/defaults.ts`); every other entry is `standard`.
 */
import type { ProviderKind, TokenCounts } from './types.ts';

/** Prices in USD per million tokens. */
export interface ModelPricing {
  inputPricePerMTok: number;
  outputPricePerMTok: number;
}

/** How long a model usually keeps a person waiting: `slow` for models that reason before the first word. */
export type SpeedClass = 'standard' | 'slow';

/** What a model can take and do beyond text (from the providers' model pages). */
export interface ModelCapabilities {
  /** Accepts images in the prompt. */
  vision: boolean;
  /** Can think before it answers, and the provider's API can ask for and return that reasoning. */
  reasoning: boolean;
}

export interface CatalogEntry extends Partial<ModelPricing> {
  /** The id (or id prefix: dated snapshots like `gpt-4o-2024-08-06` match `gpt-4o`). */
  id: string;
  label: string;
  contextWindow: number;
  /** Absent means `standard`. */
  speedClass?: SpeedClass;
  capabilities: ModelCapabilities;
}

type CatalogProvider = Extract<ProviderKind, 'openai' | 'anthropic' | 'google' | 'demo'>;

/** Vision and reasoning as the entry's last argument: `V` sees images, `R` reasons, `VR` both, `-` neither. */
type CapabilityCode = 'VR' | 'V' | 'R' | '-';

const entry = (
  id: string,
  label: string,
  contextWindow: number,
  input: number,
  output: number,
  code: CapabilityCode,
): CatalogEntry => ({
  id,
  label,
  contextWindow,
  inputPricePerMTok: input,
  outputPricePerMTok: output,
  capabilities: { vision: code.includes('V'), reasoning: code.includes('R') },
});

/** Marks an entry as a model that reasons before it answers. */
const slow = (known: CatalogEntry): CatalogEntry => ({ ...known, speedClass: 'slow' });

export const MODEL_CATALOG: Readonly<Record<CatalogProvider, readonly CatalogEntry[]>> = {
  openai: [
    entry('gpt-4o', 'GPT-4o', 128_000, 2.5, 10, 'V'),
    entry('gpt-4o-mini', 'GPT-4o mini', 128_000, 0.15, 0.6, 'V'),
    entry('gpt-4.1', 'GPT-4.1', 1_047_576, 2, 8, 'V'),
    entry('gpt-4.1-mini', 'GPT-4.1 mini', 1_047_576, 0.4, 1.6, 'V'),
    entry('gpt-4.1-nano', 'GPT-4.1 nano', 1_047_576, 0.1, 0.4, 'V'),
    entry('gpt-5', 'GPT-5', 400_000, 1.25, 10, 'VR'),
    entry('gpt-5-mini', 'GPT-5 mini', 400_000, 0.25, 2, 'VR'),
    entry('gpt-5-nano', 'GPT-5 nano', 400_000, 0.05, 0.4, 'VR'),
    slow(entry('gpt-5-pro', 'GPT-5 pro', 400_000, 15, 120, 'VR')),
    slow(entry('o1', 'o1', 200_000, 15, 60, 'VR')),
    slow(entry('o1-pro', 'o1-pro', 200_000, 150, 600, 'VR')),
    slow(entry('o3', 'o3', 200_000, 2, 8, 'VR')),
    entry('o3-mini', 'o3-mini', 200_000, 1.1, 4.4, 'R'),
    slow(entry('o3-pro', 'o3-pro', 200_000, 20, 80, 'VR')),
    slow(entry('o3-deep-research', 'o3 deep research', 200_000, 10, 40, 'VR')),
    entry('o4-mini', 'o4-mini', 200_000, 1.1, 4.4, 'VR'),
    slow(entry('o4-mini-deep-research', 'o4-mini deep research', 200_000, 2, 8, 'VR')),
    entry('codex-mini-latest', 'codex-mini', 200_000, 1.5, 6, 'R'),
  ],
  anthropic: [
    entry('claude-opus-4', 'Claude Opus 4', 200_000, 15, 75, 'VR'),
    entry('claude-opus-4-0', 'Claude Opus 4', 200_000, 15, 75, 'VR'),
    entry('claude-opus-4-1', 'Claude Opus 4.1', 200_000, 15, 75, 'VR'),
    entry('claude-opus-4-5', 'Claude Opus 4.5', 200_000, 5, 25, 'VR'),
    // Assumed to keep its predecessor's price; check and edit.
    entry('claude-opus-4-6', 'Claude Opus 4.6', 200_000, 5, 25, 'VR'),
    entry('claude-sonnet-4', 'Claude Sonnet 4', 200_000, 3, 15, 'VR'),
    entry('claude-sonnet-4-0', 'Claude Sonnet 4', 200_000, 3, 15, 'VR'),
    entry('claude-sonnet-4-5', 'Claude Sonnet 4.5', 200_000, 3, 15, 'VR'),
    // Assumed to keep its predecessor's price; check and edit.
    entry('claude-sonnet-4-6', 'Claude Sonnet 4.6', 200_000, 3, 15, 'VR'),
    entry('claude-haiku-4-5', 'Claude Haiku 4.5', 200_000, 1, 5, 'VR'),
    entry('claude-3-7-sonnet', 'Claude Sonnet 3.7', 200_000, 3, 15, 'VR'),
    entry('claude-3-5-haiku', 'Claude Haiku 3.5', 200_000, 0.8, 4, 'V'),
  ],
  google: [
    slow(entry('gemini-2.5-pro', 'Gemini 2.5 Pro', 1_048_576, 1.25, 10, 'VR')),
    entry('gemini-2.5-flash', 'Gemini 2.5 Flash', 1_048_576, 0.3, 2.5, 'VR'),
    entry('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 1_048_576, 0.1, 0.4, 'VR'),
    entry('gemini-2.0-flash', 'Gemini 2.0 Flash', 1_048_576, 0.1, 0.4, 'V'),
    entry('gemini-2.0-flash-lite', 'Gemini 2.0 Flash-Lite', 1_048_576, 0.075, 0.3, 'V'),
    slow(entry('gemini-3-pro-preview', 'Gemini 3 Pro (preview)', 1_048_576, 2, 12, 'VR')),
  ],
  demo: [
    entry('demo-analyst', 'Demo · analyst voice (simulated)', 32_768, 0, 0, '-'),
    entry('demo-skeptic', 'Demo · skeptic voice (simulated)', 32_768, 0, 0, '-'),
    entry('demo-explorer', 'Demo · explorer voice (simulated)', 32_768, 0, 0, '-'),
  ],
};

/** What the user set for one model; every field wins over the catalog. Keyed by model id in `ModelOverrides`. */
export interface ModelOverride extends Partial<ModelPricing> {
  label?: string;
  contextWindow?: number;
}

export type ModelOverrides = Readonly<Record<string, ModelOverride | undefined>>;

export interface ModelFacts extends Partial<ModelPricing> {
  /** The model id asked for. */
  id: string;
  /** The catalog entry that matched, if any. */
  catalogId?: string;
  label?: string;
  contextWindow?: number;
  /** From the catalog; absent when the catalog does not know the model. */
  speedClass?: SpeedClass;
  /** From the catalog; absent when the catalog does not know the model. */
  capabilities?: ModelCapabilities;
  /** Where the facts came from: the user's override, the catalog, or both. */
  source: 'override' | 'catalog' | 'override+catalog';
}

/** Lower case, without a `models/` or `vendor/` prefix, dots as dashes (OpenRouter writes claude-sonnet-4.5). */
function normalizeId(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/^models\//, '')
    .replace(/^[a-z0-9_-]+\//, '')
    .replace(/\./g, '-');
}

/**
 * Suffixes that name a snapshot of the same model: a date (-20250514, -2024-08-06), a build (-001), -latest,
 * -preview…, -exp…, or a tag (:8b, @…). A version number (claude-opus-4-7) is a different model and does not match.
 */
const SNAPSHOT_SUFFIX = /^(-\d{8}|-\d{4}-\d{2}-\d{2}|-\d{3}|-latest|-preview.*|-exp.*|[:@].*)$/;

/** Exact id, else the longest catalog id of which the model is a snapshot. */
function findEntry(entries: readonly CatalogEntry[], model: string): CatalogEntry | undefined {
  const wanted = normalizeId(model);
  let best: CatalogEntry | undefined;
  let bestLength = -1;
  for (const candidate of entries) {
    const id = normalizeId(candidate.id);
    const matches = wanted === id || (wanted.startsWith(id) && SNAPSHOT_SUFFIX.test(wanted.slice(id.length)));
    if (matches && id.length > bestLength) {
      best = candidate;
      bestLength = id.length;
    }
  }
  return best;
}

function catalogEntryFor(provider: ProviderKind, model: string): CatalogEntry | undefined {
  if (provider !== 'openai-compatible') return findEntry(MODEL_CATALOG[provider], model);
  // OpenAI-compatible routers (OpenRouter) serve the big providers' models under `vendor/model` ids.
  for (const entries of [MODEL_CATALOG.openai, MODEL_CATALOG.anthropic, MODEL_CATALOG.google]) {
    const found = findEntry(entries, model);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * What is known about a model: the user's override for that id (exact id), field by field over the catalog entry.
 * Undefined when neither knows it (a local model, say).
 */
export function lookupModel(provider: ProviderKind, model: string, overrides?: ModelOverrides): ModelFacts | undefined {
  const catalog = catalogEntryFor(provider, model);
  const override = overrides?.[model];
  if (catalog === undefined && override === undefined) return undefined;
  const facts: ModelFacts = {
    id: model,
    source: catalog === undefined ? 'override' : override === undefined ? 'catalog' : 'override+catalog',
  };
  if (catalog !== undefined) facts.catalogId = catalog.id;
  if (catalog !== undefined) facts.speedClass = catalog.speedClass ?? 'standard';
  if (catalog !== undefined) facts.capabilities = catalog.capabilities;
  const label = override?.label ?? catalog?.label;
  const contextWindow = override?.contextWindow ?? catalog?.contextWindow;
  const input = override?.inputPricePerMTok ?? catalog?.inputPricePerMTok;
  const output = override?.outputPricePerMTok ?? catalog?.outputPricePerMTok;
  if (label !== undefined) facts.label = label;
  if (contextWindow !== undefined) facts.contextWindow = contextWindow;
  if (input !== undefined) facts.inputPricePerMTok = input;
  if (output !== undefined) facts.outputPricePerMTok = output;
  return facts;
}

/** Cost in USD of a turn's usage; null when the usage or either price is unknown. */
export function costOf(
  usage: TokenCounts | null | undefined,
  pricing: Partial<ModelPricing> | null | undefined,
): number | null {
  if (usage === null || usage === undefined || pricing === null || pricing === undefined) return null;
  const { inputPricePerMTok, outputPricePerMTok } = pricing;
  if (inputPricePerMTok === undefined || outputPricePerMTok === undefined) return null;
  return (usage.inputTokens * inputPricePerMTok + usage.outputTokens * outputPricePerMTok) / 1_000_000;
}
