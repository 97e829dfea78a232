import { useId, useState } from 'react';
import { DAP_PARAM_RULES, smallestAccepted } from '../../core/index.ts';
import type { DapParams } from '../../core/index.ts';
import type { PeerSeat, Result } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { formatProbability } from '../format/numbers.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { PRESET_IDS, PRESET_LABEL, presetOf } from './view-model.ts';

/** A seat's Dynamic Adapter Profile (profile §6): its live p_i with the factors, presets, and sliders. */
export function DapControls({ peer }: { peer: PeerSeat }) {
  const { setPeerDap, applyDapPreset } = useRoomActions();
  const live = useRoomStore((state) => state.dapProbabilities.find((entry) => entry.peerId === peer.id));
  // The parameters in force, as the arbiter holds them (mode preset ← the seat's own settings).
  const params = useRoomStore((state) => state.dapParams[peer.id]);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!params) return null;
  const preset = presetOf(params);
  const show = (result: Result) => setRefusal(result.ok ? null : result.message);

  return (
    <fieldset className="flex flex-col gap-2 text-sm">
      <legend className="sr-only">DAP for {peer.displayName}</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Profile <span className="font-medium">{preset ? PRESET_LABEL[preset] : 'tuned'}</span>
        {' · '}
        {live ? (
          <>
            chance to speak now <span className="font-medium tabular-nums">{formatProbability(live.p)}</span>
            <span className="block tabular-nums">
              base {live.base.toFixed(2)} × recency {live.recency.toFixed(2)} × fairness {live.fairness.toFixed(2)} ×
              health {live.health.toFixed(2)}
            </span>
          </>
        ) : (
          'muted: never drawn'
        )}
      </p>
      <div role="group" aria-label={`DAP preset for ${peer.displayName}`} className="flex gap-1">
        {PRESET_IDS.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={preset === id}
            onClick={() => show(applyDapPreset(peer.id, id))}
            className="rounded border border-slate-300 px-2 py-0.5 text-xs aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:border-slate-700 dark:aria-pressed:bg-indigo-950"
          >
            {PRESET_LABEL[id]}
          </button>
        ))}
      </div>
      <DapSlider label="Base" field="base" params={params} onCommit={(dap) => show(setPeerDap(peer.id, dap))} />
      <DapSlider label="Min p" field="pMin" params={params} onCommit={(dap) => show(setPeerDap(peer.id, dap))} />
      <DapSlider label="Max p" field="pMax" params={params} onCommit={(dap) => show(setPeerDap(peer.id, dap))} />
      {refusal && <Refusal size="xs">{refusal}</Refusal>}
    </fieldset>
  );
}

/**
 * One parameter as a slider. The value follows the pointer or the arrow keys while it moves and is sent to the store
 * when it is let go (pointer up, key up, blur), so one drag is one recorded change, not dozens.
 */
function DapSlider({
  label,
  field,
  params,
  onCommit,
}: {
  label: string;
  field: 'base' | 'pMin' | 'pMax';
  params: DapParams;
  onCommit: (dap: Partial<DapParams>) => void;
}) {
  const [draft, setDraft] = useState<number | null>(null);
  const id = useId();
  // From the rule's bounds; the slider stops at 1 (a base above 1 is for files and presets, not for dragging).
  const rule = DAP_PARAM_RULES[field];
  const min = smallestAccepted(rule, SLIDER_STEP);
  const max = Math.min(rule.max, 1);
  const value = draft ?? params[field];
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    if (draft !== params[field]) onCommit({ [field]: draft });
  };
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="w-12 shrink-0 text-xs">
        {label}
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={SLIDER_STEP}
        value={value}
        onChange={(event) => setDraft(Number(event.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
        className="min-w-0 flex-1 accent-indigo-600"
      />
      <output htmlFor={id} className="w-9 text-right text-xs tabular-nums">
        {value.toFixed(2)}
      </output>
    </div>
  );
}

const SLIDER_STEP = 0.01;
