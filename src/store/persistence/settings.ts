/**
 * Provider settings and the user's model prices in IndexedDB. API keys are written only while "Remember keys on this device" is on; turning it
 * off deletes the stored keys at once (the keys stay in memory for this visit).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ModelOverride, ModelOverrides } from '../../adapters/index.ts';
import type { ProviderId } from '../../core/index.ts';
import { modelPricesProblem } from '../costs/prices.ts';
import type { ProviderConfig, RoomStore } from '../types.ts';
import type { PeerChatDb } from './db.ts';

type Providers = Partial<Record<ProviderId, ProviderConfig>>;

export interface StoredSettings {
  providers: Providers;
  rememberKeys: boolean;
  modelOverrides: ModelOverrides;
}

function withoutKeys(providers: Providers): Providers {
  return Object.fromEntries(
    Object.entries(providers).map(([provider, config]) => {
      const { apiKey: _omitted, ...rest } = config ?? {};
      return [provider, rest];
    }),
  );
}

export async function loadSettings(db: PeerChatDb): Promise<StoredSettings> {
  const [providers, remember, overrides] = await Promise.all([
    db.settings.get('providers'),
    db.settings.get('rememberKeys'),
    db.settings.get('modelOverrides'),
  ]);
  return {
    providers: (providers?.value as Providers | undefined) ?? {},
    rememberKeys: typeof remember?.value === 'boolean' ? remember.value : true,
    modelOverrides: storedOverrides(overrides?.value),
  };
}

/** The stored model prices that are still good ones (a number ≥ 0 each); anything else stored is left out. */
function storedOverrides(value: unknown): ModelOverrides {
  if (typeof value !== 'object' || value === null) return {};
  const good: Record<string, ModelOverride> = {};
  for (const [model, override] of Object.entries(value)) {
    if (typeof override !== 'object' || override === null) continue;
    const { inputPricePerMTok: input, outputPricePerMTok: output } = override as Record<string, unknown>;
    if (typeof input !== 'number' || typeof output !== 'number') continue;
    if (modelPricesProblem(model, { inputPricePerMTok: input, outputPricePerMTok: output }) !== null) continue;
    good[model] = { inputPricePerMTok: input, outputPricePerMTok: output };
  }
  return good;
}

export async function saveSettings(db: PeerChatDb, settings: StoredSettings): Promise<void> {
  const providers = settings.rememberKeys ? settings.providers : withoutKeys(settings.providers);
  await db.settings.bulkPut([
    { key: 'providers', value: providers },
    { key: 'rememberKeys', value: settings.rememberKeys },
    { key: 'modelOverrides', value: settings.modelOverrides },
  ]);
}

/** Loads stored settings into the store, then writes them back whenever they change. */
export async function persistSettings(store: StoreApi<RoomStore>, db: PeerChatDb): Promise<() => void> {
  const stored = await loadSettings(db);
  store.setState((state) => ({
    providers: { ...stored.providers, ...state.providers },
    rememberKeys: stored.rememberKeys,
    modelOverrides: { ...stored.modelOverrides, ...state.modelOverrides },
  }));
  const saved = ({ providers, rememberKeys, modelOverrides }: RoomStore): StoredSettings => ({
    providers,
    rememberKeys,
    modelOverrides,
  });
  let last = saved(store.getState());
  return store.subscribe((state) => {
    if (
      state.providers === last.providers &&
      state.rememberKeys === last.rememberKeys &&
      state.modelOverrides === last.modelOverrides
    )
      return;
    last = saved(state);
    void saveSettings(db, last);
  });
}
