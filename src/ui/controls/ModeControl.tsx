import { useId, useMemo, useState } from 'react';
import { modesOf } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/** The room's mode (profile §7): one radio per built-in or custom mode, each with its tagline. */
export function ModeControl() {
  const modeId = useRoomStore((state) => state.modeId);
  const customModes = useRoomStore((state) => state.customModes);
  const modes = useMemo(() => modesOf({ customModes }), [customModes]);
  const { setMode } = useRoomActions();
  const [refusal, setRefusal] = useState<string | null>(null);
  const groupName = useId();
  return (
    <div className="flex flex-col">
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
              <span id={taglineId} className="hidden text-xs text-slate-500 lg:inline dark:text-slate-400">
                {mode.tagline}
              </span>
            </label>
          );
        })}
      </div>
      {refusal && <Refusal size="xs">{refusal}</Refusal>}
    </div>
  );
}
