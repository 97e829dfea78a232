import { useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { modesOf } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { ModeForm } from './ModeForm.tsx';

/**
 * The room's mode (profile §7): one radio per built-in or custom mode, each with its tagline; "New mode…" defines a
 * mode of the human's own and "Edit mode…" changes the custom mode in force, in a form that opens below.
 */
export function ModeControl() {
  const modeId = useRoomStore((state) => state.modeId);
  const customModes = useRoomStore((state) => state.customModes);
  const modes = useMemo(() => modesOf({ customModes }), [customModes]);
  const { setMode, defineMode } = useRoomActions();
  const [refusal, setRefusal] = useState<string | null>(null);
  // The form open: a new mode (`editing: null`), or the custom mode being edited.
  const [form, setForm] = useState<{ editing: string | null } | null>(null);
  // After the form closes, focus goes back to the button that opened it.
  const opener = useRef<HTMLButtonElement | null>(null);
  const groupName = useId();
  const formId = useId();
  const custom = customModes.find((mode) => mode.id === modeId);
  const editing = form?.editing ? customModes.find((mode) => mode.id === form.editing) : undefined;

  const open = (event: MouseEvent<HTMLButtonElement>, editingId: string | null) => {
    opener.current = event.currentTarget;
    setForm((current) => (current && current.editing === editingId ? null : { editing: editingId }));
  };
  const close = () => {
    setForm(null);
    opener.current?.focus();
  };

  return (
    <div className="relative flex flex-col">
      <div className="flex flex-wrap items-center gap-1">
        <div
          role="radiogroup"
          aria-label="Mode"
          className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 dark:bg-slate-900"
        >
          {modes.map((mode) => {
            const nameId = `${groupName}-${mode.id}-name`;
            const taglineId = `${groupName}-${mode.id}-tagline`;
            return (
              <label
                key={mode.id}
                title={`${mode.name} v${mode.version}: ${mode.tagline}`}
                className="relative flex cursor-pointer items-baseline gap-1.5 rounded-md px-2.5 py-1 text-sm has-checked:bg-white has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 dark:has-checked:bg-slate-700"
              >
                <input
                  type="radio"
                  name={groupName}
                  value={mode.id}
                  checked={mode.id === modeId}
                  aria-labelledby={nameId}
                  aria-describedby={taglineId}
                  onChange={() => {
                    const result = setMode(mode.id);
                    setRefusal(result.ok ? null : result.message);
                  }}
                  // Invisible but covering the whole pill, so a click anywhere on it lands on the radio itself.
                  className="absolute inset-0 cursor-pointer appearance-none opacity-0"
                />
                <span id={nameId} className="font-medium">
                  {mode.name}
                </span>
                <span id={taglineId} className="hidden text-xs text-slate-600 lg:inline dark:text-slate-300">
                  {mode.tagline}
                </span>
              </label>
            );
          })}
        </div>
        <button
          type="button"
          aria-expanded={form !== null && form.editing === null}
          aria-controls={form ? formId : undefined}
          onClick={(event) => open(event, null)}
          className={BUTTON}
        >
          New mode…
        </button>
        {custom && (
          <button
            type="button"
            aria-expanded={form?.editing === custom.id}
            aria-controls={form ? formId : undefined}
            onClick={(event) => open(event, custom.id)}
            className={BUTTON}
          >
            Edit mode…
          </button>
        )}
      </div>
      {refusal && <Refusal size="xs">{refusal}</Refusal>}
      {form && (
        <div id={formId} className="absolute top-full left-0 z-30 mt-1">
          <ModeForm
            // A fresh form for each mode it edits.
            key={form.editing ?? 'new'}
            {...(editing ? { mode: editing } : {})}
            onSubmit={defineMode}
            onDone={close}
          />
        </div>
      )}
    </div>
  );
}

const BUTTON =
  'rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
