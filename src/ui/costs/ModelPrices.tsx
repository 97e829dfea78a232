import { useId, useState, type KeyboardEvent } from 'react';
import { modelPriceRows } from '../../store/index.ts';
import type { ModelPriceRow } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/**
 * "Model prices": the models the room uses (and catalog models found by a search) with their input and output
 * prices in USD per million tokens, editable; a saved price overrides the catalog's everywhere (figures shown, the
 * cost budget) until "Reset to catalog".
 */
export function ModelPrices() {
  const peers = useRoomStore((state) => state.peers);
  const overrides = useRoomStore((state) => state.modelOverrides);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const rows = modelPriceRows(peers, overrides, query);
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={searchId} className="text-xs font-medium">
        Find a catalog model
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="gpt-4.1, sonnet, gemini flash…"
        className={INPUT}
      />
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No model in use or found.</p>
      ) : (
        <table className="w-full text-left text-xs">
          <caption className="sr-only">Model prices in US dollars per million tokens</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 font-medium">
                Model
              </th>
              <th scope="col" className="py-1 font-medium">
                Input $/M
              </th>
              <th scope="col" className="py-1 font-medium">
                Output $/M
              </th>
              <th scope="col" className="py-1">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <PriceRow key={row.model} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A typed price: blank is not a number (so it is refused, not read as 0). */
function typedPrice(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function PriceRow({ row }: { row: ModelPriceRow }) {
  const { setModelPrices, resetModelPrices } = useRoomActions();
  const [input, setInput] = useState(row.prices?.inputPricePerMTok?.toString() ?? '');
  const [output, setOutput] = useState(row.prices?.outputPricePerMTok?.toString() ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const errorId = useId();

  const save = () => {
    const result = setModelPrices(row.model, {
      inputPricePerMTok: typedPrice(input),
      outputPricePerMTok: typedPrice(output),
    });
    setProblem(result.ok ? null : result.message);
    setSaved(result.ok);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    save();
  };
  const unchanged =
    input === (row.prices?.inputPricePerMTok?.toString() ?? '') &&
    output === (row.prices?.outputPricePerMTok?.toString() ?? '');
  const priceInput = (which: 'Input' | 'Output', value: string, onChange: (value: string) => void) => (
    <input
      aria-label={`${which} price of ${row.model} ($ per million tokens)`}
      inputMode="decimal"
      value={value}
      placeholder="unknown"
      onChange={(event) => {
        onChange(event.target.value);
        setSaved(false);
      }}
      onKeyDown={onKeyDown}
      aria-invalid={problem !== null}
      aria-describedby={problem ? errorId : undefined}
      className={`${INPUT} w-20`}
    />
  );

  return (
    <>
      <tr className="align-top">
        <th scope="row" className="py-1 pr-2 font-normal">
          <span className="block break-all font-mono">{row.model}</span>
          <span className="text-slate-500 dark:text-slate-400">
            {row.overridden ? 'your price' : row.catalog ? 'catalog price' : 'no price known'}
            {!row.inUse && ' · not in use'}
          </span>
        </th>
        <td className="py-1 pr-1">{priceInput('Input', input, setInput)}</td>
        <td className="py-1 pr-1">{priceInput('Output', output, setOutput)}</td>
        <td className="py-1">
          <div className="flex flex-col items-start gap-0.5">
            <button
              type="button"
              onClick={save}
              disabled={unchanged}
              aria-label={`Save prices of ${row.model}`}
              className="rounded px-1.5 py-0.5 text-indigo-700 hover:bg-indigo-50 disabled:opacity-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
            >
              Save
            </button>
            {row.overridden && (
              <button
                type="button"
                onClick={() => {
                  resetModelPrices(row.model);
                  setInput(row.catalog?.inputPricePerMTok?.toString() ?? '');
                  setOutput(row.catalog?.outputPricePerMTok?.toString() ?? '');
                  setProblem(null);
                  setSaved(false);
                }}
                aria-label={`Reset ${row.model} to catalog prices`}
                className="rounded px-1.5 py-0.5 text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
              >
                Reset to catalog
              </button>
            )}
          </div>
        </td>
      </tr>
      {(problem || saved) && (
        <tr>
          <td colSpan={4} className="pb-1">
            {problem ? (
              <Refusal id={errorId} size="xs">
                {problem}
              </Refusal>
            ) : (
              <p role="status" className="text-emerald-700 dark:text-emerald-300">
                Saved: turns of {row.model} are priced at ${input} in · ${output} out per M tokens.
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

const INPUT =
  'rounded-md border border-slate-300 bg-transparent px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900';
