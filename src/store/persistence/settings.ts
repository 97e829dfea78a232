/**
 * Provider settings in IndexedDB. API keys are written only while "Remember keys on this device" is on; turning it
 * off deletes the stored keys at once (the keys stay in memory for this visit).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ProviderId } from '../../core/index.ts';
import type { ProviderConfig, RoomStore } from '../types.ts';
import type { PeerChatDb } from './db.ts';

type Providers = Partial<Record<ProviderId, ProviderConfig>>;

export interface StoredSettings {
  providers: Providers;
  rememberKeys: boolean;
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
  const [providers, remember] = await Promise.all([db.settings.get('providers'), db.settings.get('rememberKeys')]);
  return {
    providers: (providers?.value as Providers | undefined) ?? {},
    rememberKeys: typeof remember?.value === 'boolean' ? remember.value : true,
  };
}

export async function saveSettings(db: PeerChatDb, settings: StoredSettings): Promise<void> {
  const providers = settings.rememberKeys ? settings.providers : withoutKeys(settings.providers);
  await db.settings.bulkPut([
    { key: 'providers', value: providers },
    { key: 'rememberKeys', value: settings.rememberKeys },
  ]);
}

/** Loads stored settings into the store, then writes them back whenever they change. */
export async function persistSettings(store: StoreApi<RoomStore>, db: PeerChatDb): Promise<() => void> {
  const stored = await loadSettings(db);
  store.setState((state) => ({
    providers: { ...stored.providers, ...state.providers },
    rememberKeys: stored.rememberKeys,
  }));
  let last = { providers: store.getState().providers, rememberKeys: store.getState().rememberKeys };
  return store.subscribe((state) => {
    if (state.providers === last.providers && state.rememberKeys === last.rememberKeys) return;
    last = { providers: state.providers, rememberKeys: state.rememberKeys };
    void saveSettings(db, last);
  });
}
