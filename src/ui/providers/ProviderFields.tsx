import { useId } from 'react';
import { COMPATIBLE_PRESETS, presetForBaseURL } from '../../store/index.ts';
import type { ProviderId, ProviderConfig } from '../../store/index.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { PROVIDER_LABEL } from './labels.ts';
import { SecretInput } from './SecretInput.tsx';
import { TestConnection } from './TestConnection.tsx';

const INPUT =
  'w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Key and base URL of one provider (and, for OpenAI-compatible servers, a preset), with "Test connection". */
export function ProviderFields({ provider }: { provider: ProviderId }) {
  const config = useRoomStore((state) => state.providers[provider]);
  const { setProvider } = useRoomActions();
  const id = useId();
  const label = PROVIDER_LABEL[provider];
  const compatible = provider === 'openai-compatible';
  const preset = compatible
    ? (COMPATIBLE_PRESETS.find((candidate) => candidate.id === config?.presetId) ?? presetForBaseURL(config?.baseURL))
    : undefined;
  const update = (patch: Partial<ProviderConfig>) => {
    const next: ProviderConfig = { ...config, ...patch };
    for (const key of Object.keys(next) as (keyof ProviderConfig)[]) {
      if (next[key] === '' || next[key] === undefined) delete next[key];
    }
    setProvider(provider, next);
  };

  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      {compatible && (
        <div className="flex flex-col gap-0.5">
          <label htmlFor={`${id}-preset`} className="text-xs font-medium">
            Server preset
          </label>
          <select
            id={`${id}-preset`}
            value={preset?.id ?? ''}
            onChange={(event) => {
              const chosen = COMPATIBLE_PRESETS.find((candidate) => candidate.id === event.target.value);
              update(chosen ? { presetId: chosen.id, baseURL: chosen.baseURL } : { presetId: undefined });
            }}
            className={INPUT}
          >
            <option value="">Custom server</option>
            {COMPATIBLE_PRESETS.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
          {preset && <p className="text-xs text-slate-600 dark:text-slate-400">{preset.description}</p>}
        </div>
      )}
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-key`} className="text-xs font-medium">
          {label} API key
        </label>
        <SecretInput
          id={`${id}-key`}
          value={config?.apiKey ?? ''}
          placeholder={compatible && preset && !preset.needsKey ? 'Not needed for this server' : undefined}
          onChange={(value) => update({ apiKey: value.trim() })}
          className={INPUT}
        />
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-url`} className="text-xs font-medium">
          {label} base URL
        </label>
        <input
          id={`${id}-url`}
          type="url"
          value={config?.baseURL ?? ''}
          placeholder={compatible ? 'http://localhost:11434/v1' : 'Provider default'}
          onChange={(event) => update({ baseURL: event.target.value.trim(), presetId: undefined })}
          className={INPUT}
        />
      </div>
      <TestConnection provider={provider} />
    </fieldset>
  );
}
