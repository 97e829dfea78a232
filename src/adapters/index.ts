/**
 * L0 adapters (MPOP profile §2): one streaming interface over OpenAI, Anthropic, Google Gemini, any
 * OpenAI-compatible server, and the offline demo peers. See docs/adapters.md.
 *
 * Nothing here imports an SDK: each adapter loads its SDK with `import()` on first use. And nothing here reaches
 * the adapters' own code: the store imports this module into the first page load, and a module re-exported here
 * is bundled there even when only a lazily loaded chunk uses it. So adapters are made with `createLazyAdapter`,
 * which loads the provider's code on first use; the eager constructors (`create-adapter.ts`, `demo/adapter.ts`)
 * are for tests and the e2e harness, which import them directly (bundle-boundary.test.ts checks this).
 */
export type {
  AdapterEvent,
  DemoRoomHints,
  ModelInfo,
  OpenAIApi,
  PeerAdapter,
  ProviderKind,
  ProviderSettings,
  RetryableReason,
  RetrySettings,
  StreamOptions,
  TimeoutSettings,
  TokenCounts,
  TurnError,
  TurnErrorReason,
  TurnLatency,
  TurnResult,
  TurnStatus,
} from './types.ts';
export { createLazyAdapter } from './lazy-adapter.ts';

// Attachments: what a request's files carry once the store resolved them, and which models see images
export type { ResolvedAttachment, VisionSupport } from './attachments.ts';
export { imageNote, missingNote, visionSupport } from './attachments.ts';

// Timeouts and retries
export {
  DEFAULT_FIRST_TOKEN_MS,
  DEFAULT_IDLE_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_WAIT_MS,
  DEFAULT_REASONING_FIRST_TOKEN_MS,
} from './runtime/policy.ts';

// Models: the catalog of known context windows and prices, and OpenAI's API routing
export type {
  CatalogEntry,
  ModelCapabilities,
  ModelFacts,
  ModelOverride,
  ModelOverrides,
  ModelPricing,
  SpeedClass,
} from './catalog.ts';
export { costOf, lookupModel, MODEL_CATALOG } from './catalog.ts';
export { isReasoningModel, needsResponsesApi, RESPONSES_ONLY_MODELS } from './providers/openai/model-traits.ts';

// Dynamic Adapter Profiles: each seat's provider default and observed health and latency, for the arbiter's DAP
export type { ProfileSeat, ProviderDefault } from './profile/defaults.ts';
export { blendedPrice, PRICE_WEIGHTS, priceWeight, providerDefault, SPEED_WEIGHTS } from './profile/defaults.ts';
export type { ProfileTracker, ProfileTrackerOptions, ProviderObservations } from './profile/tracker.ts';
export {
  createProfileTracker,
  HEALTH_RULES,
  healthOf,
  LATENCY_RULES,
  latencyOf,
  NO_OBSERVATIONS,
  NOT_PROVIDER_FAILURES,
  observeTurn,
  profileFromObservations,
  profileKey,
} from './profile/tracker.ts';

// OpenAI-compatible presets
export type { CompatiblePreset, CompatiblePresetId } from './presets.ts';
export { COMPATIBLE_PRESETS, presetForBaseURL } from './presets.ts';

// Demo peers
export type { DemoAdapterOptions } from './demo/adapter.ts';
export type { DemoPace } from './demo/pace.ts';
export { DEFAULT_DEMO_PACE, INSTANT_DEMO_PACE } from './demo/pace.ts';
export type { DemoPeerPreset, DemoRoomPreset } from './demo/preset.ts';
export { DEMO_PEERS, DEMO_ROOM_PRESET, demoModels, SIMULATED_SUFFIX } from './demo/preset.ts';
export type { DemoScript } from './demo/scripts.ts';
import type { DemoScript } from './demo/scripts.ts';

/** The demo's suggested prompts, fetched when the demo room first shows them (they are not in the first load). */
export function loadDemoScripts(): Promise<readonly DemoScript[]> {
  return import('./demo/scripts.ts').then((module) => module.DEMO_SCRIPTS);
}
export type { DemoVoiceId } from './demo/voices.ts';
