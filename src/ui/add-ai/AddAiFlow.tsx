import { useEffect, useId, useRef, useState } from 'react';
import type { ProviderId } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { ProviderFields } from '../providers/ProviderFields.tsx';
import { PROVIDER_LABEL } from '../providers/labels.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { seatFor } from './seat-draft.ts';

const PROVIDERS: readonly { id: ProviderId; hint: string }[] = [
  { id: 'openai', hint: 'GPT models, with an OpenAI API key' },
  { id: 'anthropic', hint: 'Claude models, with an Anthropic API key' },
  { id: 'google', hint: 'Gemini models, with a Google AI Studio key' },
  {
    id: 'openai-compatible',
    hint: 'Ollama, LM Studio, OpenRouter, vLLM, llama.cpp: a base URL, a key if it needs one',
  },
];

const STEPS = ['Provider', 'Key or server', 'Model', 'Seat'] as const;

const BUTTON = 'rounded-md px-3 py-1 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50';
const PRIMARY = `${BUTTON} bg-indigo-600 text-white hover:bg-indigo-700`;
const SECONDARY = `${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`;

/**
 * "Add an AI": pick a provider, give its key (or a local server's address) and test the connection, choose one of
 * the models it lists, and seat it — with the demo peers kept or removed in the same step. What goes wrong on the way
 * (a bad key, CORS, a server that does not answer) is said where it happened, by the connection test.
 */
export default function AddAiFlow({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [step, setStep] = useState(0);
  const [provider, setProvider] = useState<ProviderId>('openai');
  const [model, setModel] = useState('');
  const [name, setName] = useState('');
  const [removeDemo, setRemoveDemo] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const models = useRoomStore((state) => state.reachableModels[provider]);
  const peers = useRoomStore((state) => state.peers);
  const { addPeer, removePeer } = useRoomActions();
  const demoPeers = peers.filter((peer) => peer.provider === 'demo');

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);

  const seat = () => {
    const result = addPeer(seatFor(provider, model, peers, name));
    if (!result.ok) return setRefusal(result.message);
    if (removeDemo) for (const peer of demoPeers) removePeer(peer.id);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-lg border border-slate-300 bg-white p-4 text-slate-900 backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Add an AI
      </h2>
      <ol aria-label="Steps" className="mt-2 flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-300">
        {STEPS.map((label, index) => (
          <li key={label} aria-current={index === step ? 'step' : undefined} className="aria-[current]:font-semibold">
            {index + 1}. {label}
          </li>
        ))}
      </ol>

      <div className="mt-3 flex flex-col gap-3">
        {step === 0 && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Which provider?</legend>
            {PROVIDERS.map((option) => (
              <label key={option.id} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-provider`}
                  value={option.id}
                  checked={provider === option.id}
                  onChange={() => setProvider(option.id)}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{PROVIDER_LABEL[option.id]}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">{option.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}

        {step === 1 && (
          <>
            <p className="text-sm">
              Paste the key (or give the server's address), then test the connection. The key stays in this browser and
              goes only to {PROVIDER_LABEL[provider]}.
            </p>
            <ProviderFields provider={provider} />
          </>
        )}

        {step === 2 && (
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-medium">Which model?</legend>
            <div className="flex max-h-64 flex-col gap-1 overflow-y-auto">
              {(models ?? []).map((info) => (
                <label key={info.id} className="flex items-baseline gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-model`}
                    value={info.id}
                    checked={model === info.id}
                    onChange={() => setModel(info.id)}
                  />
                  <span className="font-mono text-xs">{info.id}</span>
                  {info.contextWindow !== undefined && (
                    <span className="text-xs text-slate-600 dark:text-slate-300">
                      {Math.round(info.contextWindow / 1000)}k context
                    </span>
                  )}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {step === 3 && (
          <>
            <label className="flex flex-col gap-0.5 text-sm">
              Name in the room
              <input
                value={name}
                placeholder={seatFor(provider, model, peers).displayName}
                onChange={(event) => setName(event.target.value)}
                className="rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
              />
            </label>
            <p className="text-sm">
              It will answer to <strong>@{seatFor(provider, model, peers).handle}</strong>.
            </p>
            {demoPeers.length > 0 && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={removeDemo} onChange={(event) => setRemoveDemo(event.target.checked)} />
                Remove the demo peers ({demoPeers.map((peer) => peer.displayName).join(', ')})
              </label>
            )}
            {refusal && <Refusal>{refusal}</Refusal>}
          </>
        )}
      </div>

      <div className="mt-4 flex items-center gap-2">
        <button type="button" onClick={onClose} className={SECONDARY}>
          Cancel
        </button>
        <span className="flex-1" />
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)} className={SECONDARY}>
            Back
          </button>
        )}
        {step < 3 ? (
          <button
            type="button"
            onClick={() => {
              if (step === 1 && !model) setModel(models?.[0]?.id ?? '');
              setStep(step + 1);
            }}
            disabled={(step === 1 && !models?.length) || (step === 2 && !model)}
            className={PRIMARY}
          >
            {step === 1 && !models?.length ? 'Test the connection first' : 'Next'}
          </button>
        ) : (
          <button type="button" onClick={seat} className={PRIMARY}>
            Seat it
          </button>
        )}
      </div>
    </dialog>
  );
}
