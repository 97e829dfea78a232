import { useState } from 'react';
import type { ProviderId } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStoreApi } from '../state/room-store.tsx';

type Outcome = { kind: 'testing' } | { kind: 'ok'; models: string[] } | { kind: 'error'; message: string };

const SHOWN_MODELS = 30;

/** Never show a key, even if an error message were to carry one. */
function redact(text: string, key: string | undefined): string {
  return key && key.length >= 4 ? text.split(key).join('••••') : text;
}

/** "Test connection": lists the models the provider reaches with the current settings, or the plain error. */
export function TestConnection({ provider }: { provider: ProviderId }) {
  const { testConnection } = useRoomActions();
  const store = useRoomStoreApi();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setOutcome({ kind: 'testing' });
    const result = await testConnection(provider);
    const key = store.getState().providers[provider]?.apiKey;
    setOutcome(
      result.ok ? { kind: 'ok', models: result.models } : { kind: 'error', message: redact(result.message, key) },
    );
  };

  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        onClick={() => void run()}
        disabled={outcome?.kind === 'testing'}
        aria-busy={outcome?.kind === 'testing'}
        className="self-start rounded-md border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Test connection
      </button>
      <div role="status" className="text-sm">
        {outcome?.kind === 'testing' && <p className="text-slate-500 dark:text-slate-400">Testing…</p>}
        {outcome?.kind === 'ok' && (
          <>
            <p className="text-emerald-700 dark:text-emerald-300">
              Connected: {outcome.models.length} {outcome.models.length === 1 ? 'model' : 'models'} reachable.
            </p>
            <ul aria-label="Reachable models" className="max-h-40 overflow-y-auto text-xs">
              {outcome.models.slice(0, SHOWN_MODELS).map((model) => (
                <li key={model}>{model}</li>
              ))}
              {outcome.models.length > SHOWN_MODELS && <li>…and {outcome.models.length - SHOWN_MODELS} more</li>}
            </ul>
          </>
        )}
      </div>
      {outcome?.kind === 'error' && <Refusal>{outcome.message}</Refusal>}
    </div>
  );
}
