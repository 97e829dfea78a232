import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CustomModeDraft, Result, RoomState } from '../../store/index.ts';
import { FormActions } from '../common/FormActions.tsx';
import { Refusal } from '../common/Refusal.tsx';

type ModeDefinition = RoomState['customModes'][number];
type PresetId = CustomModeDraft['dapPreset'];

/** The DAP presets a mode can bring (profile §6), each with what it does to an unaddressed message, in one line. */
export const MODE_PRESETS: readonly { id: PresetId; label: string; hint: string }[] = [
  { id: 'quiet', label: 'Quiet', hint: 'fewer peers answer unasked; one who just spoke waits longer' },
  { id: 'balanced', label: 'Balanced', hint: 'the profile’s defaults: some peers answer unasked' },
  { id: 'lively', label: 'Lively', hint: 'most peers answer unasked, even right after speaking' },
];

/**
 * Defines a mode of the human's own, or edits one (`mode` set): a name, a tagline, the prompt every peer is given and
 * the DAP preset. The store checks it with the core's rules; its message is shown here and the form stays open.
 */
export function ModeForm({
  mode,
  onSubmit,
  onDone,
}: {
  mode?: ModeDefinition;
  onSubmit: (draft: CustomModeDraft) => Result;
  onDone: () => void;
}) {
  const [name, setName] = useState(mode?.name ?? '');
  const [tagline, setTagline] = useState(mode?.tagline ?? '');
  const [promptBlock, setPromptBlock] = useState(mode?.promptBlock ?? '');
  const [dapPreset, setDapPreset] = useState<PresetId>(mode?.defaults.dapPreset ?? 'balanced');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const title = mode ? `Edit mode ${mode.name}` : 'New mode';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft: CustomModeDraft = { name, promptBlock, dapPreset, ...(tagline.trim() ? { tagline } : {}) };
    const result = onSubmit(mode ? { ...draft, id: mode.id } : draft);
    if (result.ok) onDone();
    else setError(result.message);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onDone();
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={closeOnEscape}
      // The core's rules judge what was typed and say why, the same words a room file import would get.
      noValidate
      aria-label={title}
      className="flex w-80 flex-col gap-2 rounded-md border border-indigo-300 bg-white p-3 shadow-lg sm:w-96 dark:border-indigo-800 dark:bg-slate-900"
    >
      <h3 className="text-sm font-semibold">{title}</h3>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-name`} className="text-xs font-medium">
          Name
        </label>
        <input
          id={`${id}-name`}
          required
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Devil’s advocate"
          autoFocus
          className={INPUT}
        />
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-tagline`} className="text-xs font-medium">
          Tagline (optional)
        </label>
        <input
          id={`${id}-tagline`}
          value={tagline}
          onChange={(event) => setTagline(event.target.value)}
          placeholder="Try me."
          className={INPUT}
        />
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-prompt`} className="text-xs font-medium">
          Prompt
        </label>
        <textarea
          id={`${id}-prompt`}
          required
          rows={5}
          value={promptBlock}
          onChange={(event) => setPromptBlock(event.target.value)}
          aria-describedby={`${id}-prompt-hint`}
          className={INPUT}
        />
        <span id={`${id}-prompt-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          Every peer’s system prompt carries it while the mode is in force.
        </span>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-preset`} className="text-xs font-medium">
          DAP preset
        </label>
        <select
          id={`${id}-preset`}
          value={dapPreset}
          onChange={(event) => setDapPreset(event.target.value as PresetId)}
          aria-describedby={`${id}-preset-hint`}
          className={INPUT}
        >
          {MODE_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
        <ul id={`${id}-preset-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {MODE_PRESETS.map((preset) => (
            <li key={preset.id}>
              <span className="font-medium">{preset.label}:</span> {preset.hint}.
            </li>
          ))}
        </ul>
      </div>
      {error && <Refusal>{error}</Refusal>}
      <FormActions submitLabel={mode ? 'Save mode' : 'Define mode'} onCancel={onDone} />
    </form>
  );
}

const INPUT =
  'w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
