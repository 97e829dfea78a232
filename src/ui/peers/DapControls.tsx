import { useId, useState } from 'react';
import { DAP_PARAM_RULES, providerDefault, smallestAccepted } from '../../store/index.ts';
import type { DapParams, DapProbability, PeerSeat, Result } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { formatProbability } from '../format/numbers.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { clampNote, dapFactorRows } from './dap-factors.ts';
import { PRESET_IDS, PRESET_LABEL, presetOf } from './view-model.ts';

/**
 * A seat's Dynamic Adapter Profile (profile §6): its live p_i with every factor and where it came from, presets, and
 * sliders.
 */
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
          </>
        ) : (
          'muted: never drawn'
        )}
      </p>
      {live && <DapFactorTable peer={peer} live={live} />}
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
 * Why the chance is what it is: each factor of the product, its value, and where it came from (the user's setting,
 * the mode, the provider default, recency, fairness, health, or what the adapter observed), as a table with headers so
 * a screen reader reads each factor with its source. A lowered factor says why in words, not in colour.
 */
function DapFactorTable({ peer, live }: { peer: PeerSeat; live: DapProbability }) {
  const overrides = useRoomStore((state) => state.modelOverrides);
  const rows = dapFactorRows(live, { providerDefaultReason: providerDefault(peer, overrides).reason });
  const note = clampNote(live);
  return (
    <table className="w-full border-collapse text-left text-xs text-slate-600 dark:text-slate-400">
      <caption className="sr-only">Where the chance of {peer.displayName} to speak comes from</caption>
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="col" className="py-0.5 pr-2 font-medium">
            Factor
          </th>
          <th scope="col" className="py-0.5 pr-2 text-right font-medium">
            Value
          </th>
          <th scope="col" className="py-0.5 font-medium">
            Comes from
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.factor} className="align-top">
            <th scope="row" className="py-0.5 pr-2 font-normal">
              {row.label}
            </th>
            <td className="py-0.5 pr-2 text-right tabular-nums">× {row.value.toFixed(2)}</td>
            <td className="py-0.5">
              <span className="font-medium">{row.source}</span>
              {row.detail && <span className="block">{row.detail}</span>}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-0.5 pr-2 font-medium">
            Chance to speak
          </th>
          <td className="py-0.5 pr-2 text-right font-medium tabular-nums">{formatProbability(live.p)}</td>
          <td className="py-0.5">
            {note ? `Product ${Number.isFinite(live.raw) ? live.raw.toFixed(2) : '—'}, ${note}.` : 'The product.'}
          </td>
        </tr>
      </tfoot>
    </table>
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
