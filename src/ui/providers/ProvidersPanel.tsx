import { useId } from 'react';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { CONFIGURABLE_PROVIDERS } from './labels.ts';
import { ProviderFields } from './ProviderFields.tsx';

/** How to reach each provider. Keys stay in this browser and go only to the provider they belong to. */
export function ProvidersPanel() {
  const rememberKeys = useRoomStore((state) => state.rememberKeys);
  const { setRememberKeys } = useRoomActions();
  const hintId = useId();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your browser talks to each provider directly. Keys are sent only to the provider they belong to.
      </p>
      <div className="flex flex-col gap-0.5">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={rememberKeys}
            aria-describedby={hintId}
            onChange={(event) => setRememberKeys(event.target.checked)}
          />
          Remember keys on this device
        </label>
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {rememberKeys
            ? 'Keys are kept in this browser’s storage between visits.'
            : 'Keys are kept in memory only and forgotten when you close the tab.'}
        </p>
      </div>
      {CONFIGURABLE_PROVIDERS.map((provider) => (
        <ProviderFields key={provider} provider={provider} />
      ))}
    </div>
  );
}
