import { useId, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { lookupModel, SEAT_SETTING_RULES, smallestAccepted } from '../../store/index.ts';
import type { NumberRule, ProviderId, PeerInput, PeerSeat, Result } from '../../store/index.ts';
import { FormActions } from '../common/FormActions.tsx';
import { Refusal } from '../common/Refusal.tsx';
import { PROVIDER_LABEL, SEAT_PROVIDERS } from '../providers/labels.ts';
import { ModelPicker } from './ModelPicker.tsx';
import { reasoningDraftOf, reasoningOf, reasoningOptionsFor, type ReasoningDraft } from './reasoning-draft.ts';
import { ReasoningFields } from './ReasoningFields.tsx';

export const DEFAULT_CONTEXT_WINDOW = 32_768;

interface Draft {
  displayName: string;
  handle: string;
  aliases: string;
  provider: ProviderId;
  model: string;
  baseURL: string;
  colour: string;
  temperature: string;
  maxOutputTokens: string;
  contextWindow: string;
  persona: string;
  reasoning: ReasoningDraft;
}

function draftOf(peer: PeerSeat | undefined, colour: string): Draft {
  return {
    displayName: peer?.displayName ?? '',
    handle: peer?.handle ?? '',
    aliases: peer?.aliases.join(', ') ?? '',
    provider: peer?.provider ?? 'openai',
    model: peer?.model ?? '',
    baseURL: peer?.baseURL ?? '',
    colour: peer?.colour ?? colour,
    temperature: peer?.settings.temperature?.toString() ?? '',
    maxOutputTokens: peer?.settings.maxOutputTokens?.toString() ?? '',
    contextWindow: String(peer?.settings.contextWindow ?? DEFAULT_CONTEXT_WINDOW),
    persona: peer?.persona ?? '',
    reasoning: reasoningDraftOf(peer?.settings.reasoning),
  };
}

/**
 * A typed number: blank is "not set", anything else goes to the store as typed (NaN when it is not a number), so
 * the core's seat rules judge it and their message is the one shown.
 */
function typedNumber(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/** The seat as typed; the store checks it against the room's rules. */
function inputOf(draft: Draft): PeerInput {
  const temperature = typedNumber(draft.temperature);
  const maxOutputTokens = typedNumber(draft.maxOutputTokens);
  const reasoning = reasoningOf(draft.reasoning, reasoningOptionsFor(draft.provider, draft.model));
  return {
    displayName: draft.displayName.trim(),
    handle: draft.handle.trim().replace(/^@/, ''),
    aliases: draft.aliases
      .split(',')
      .map((alias) => alias.trim().replace(/^@/, '').toLowerCase())
      .filter((alias) => alias !== ''),
    provider: draft.provider,
    model: draft.model.trim(),
    colour: draft.colour,
    settings: {
      contextWindow: typedNumber(draft.contextWindow) ?? Number.NaN,
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
      ...(reasoning !== undefined ? { reasoning } : {}),
    },
    ...(draft.baseURL.trim() ? { baseURL: draft.baseURL.trim() } : {}),
    ...(draft.persona.trim() ? { persona: draft.persona } : {}),
  };
}

/** The bounds a number input offers (its arrows and hints); the store's rules still decide. */
function boundsOf(rule: NumberRule, step: number) {
  return { min: smallestAccepted(rule, step), max: rule.max, step };
}

/** Adds a seat or edits one; the store validates the roster and its message is shown here. */
export function PeerForm({
  peer,
  defaultColour,
  onSubmit,
  onDone,
}: {
  peer?: PeerSeat;
  defaultColour: string;
  onSubmit: (input: PeerInput) => Result;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOf(peer, defaultColour));
  const [windowTouched, setWindowTouched] = useState(peer !== undefined);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const title = peer ? `Edit ${peer.displayName}` : 'New peer';

  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const setModel = (provider: ProviderId, model: string) => {
    const known = windowTouched ? undefined : lookupModel(provider, model)?.contextWindow;
    set({ provider, model, ...(known ? { contextWindow: String(known) } : {}) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = onSubmit(inputOf(draft));
    if (result.ok) onDone();
    else setError(result.message);
  };

  const field = (name: keyof Draft, label: string, control: ReactNode, hint?: string) => (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={`${id}-${name}`} className="text-xs font-medium">
        {label}
      </label>
      {control}
      {hint && <span className="text-xs text-slate-500 dark:text-slate-400">{hint}</span>}
    </div>
  );
  const text = (name: Exclude<keyof Draft, 'reasoning'>, extra: ComponentProps<'input'> = {}) => (
    <input
      id={`${id}-${name}`}
      value={draft[name]}
      onChange={(event) => set({ [name]: event.target.value })}
      className={INPUT}
      {...extra}
    />
  );

  return (
    <form
      onSubmit={submit}
      // The store's rules judge what was typed and say why, the same words a file import would get.
      noValidate
      aria-label={title}
      className="flex flex-col gap-2 rounded-md border border-indigo-300 p-3 dark:border-indigo-800"
    >
      <h3 className="text-sm font-semibold">{title}</h3>
      {field(
        'displayName',
        'Display name',
        text('displayName', { required: true, placeholder: 'Claude', autoFocus: true }),
      )}
      {field(
        'handle',
        'Handle',
        text('handle', { required: true, placeholder: 'claude', autoCapitalize: 'none' }),
        'Lowercase; people write @handle.',
      )}
      {field(
        'aliases',
        'Aliases',
        text('aliases', { placeholder: 'anthropic, sonnet', autoCapitalize: 'none' }),
        'Other names, comma separated.',
      )}
      {field(
        'provider',
        'Provider',
        <select
          id={`${id}-provider`}
          value={draft.provider}
          onChange={(event) => setModel(event.target.value as ProviderId, draft.model)}
          className={INPUT}
        >
          {SEAT_PROVIDERS.map((provider) => (
            <option key={provider} value={provider}>
              {PROVIDER_LABEL[provider]}
            </option>
          ))}
        </select>,
      )}
      {field(
        'model',
        'Model',
        <ModelPicker
          id={`${id}-model`}
          provider={draft.provider}
          value={draft.model}
          onChange={(model) => setModel(draft.provider, model)}
        />,
        'The same model may sit twice under two handles.',
      )}
      {field(
        'baseURL',
        'Base URL (optional)',
        text('baseURL', { type: 'url', placeholder: 'Provider default' }),
        'Another endpoint of the same wire format for this seat.',
      )}
      <div className="grid grid-cols-2 gap-2">
        {field(
          'colour',
          'Colour',
          text('colour', {
            type: 'color',
            className: 'h-8 w-full rounded border border-slate-300 dark:border-slate-700',
          }),
        )}
        {field(
          'temperature',
          'Temperature',
          text('temperature', {
            type: 'number',
            ...boundsOf(SEAT_SETTING_RULES.temperature, 0.1),
            placeholder: 'default',
          }),
        )}
        {field(
          'maxOutputTokens',
          'Max output tokens',
          text('maxOutputTokens', {
            type: 'number',
            ...boundsOf(SEAT_SETTING_RULES.maxOutputTokens, 1),
            placeholder: 'default',
          }),
        )}
        {field(
          'contextWindow',
          'Context window (tokens)',
          <input
            id={`${id}-contextWindow`}
            type="number"
            {...boundsOf(SEAT_SETTING_RULES.contextWindow, 1)}
            required
            value={draft.contextWindow}
            onChange={(event) => {
              setWindowTouched(true);
              set({ contextWindow: event.target.value });
            }}
            className={INPUT}
          />,
        )}
      </div>
      <ReasoningFields
        options={reasoningOptionsFor(draft.provider, draft.model)}
        draft={draft.reasoning}
        onChange={(patch) => set({ reasoning: { ...draft.reasoning, ...patch } })}
      />
      {field(
        'persona',
        'Persona (optional)',
        <textarea
          id={`${id}-persona`}
          rows={3}
          value={draft.persona}
          onChange={(event) => set({ persona: event.target.value })}
          className={INPUT}
        />,
        'Extra system text for this seat only.',
      )}
      {error && <Refusal>{error}</Refusal>}
      <FormActions submitLabel={peer ? 'Save changes' : 'Add peer'} onCancel={onDone} />
    </form>
  );
}

const INPUT =
  'w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
