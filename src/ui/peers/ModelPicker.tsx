import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { filterModelChoices, modelChoices } from '../../store/index.ts';
import type { ModelChoice, ProviderId } from '../../store/index.ts';
import { pricesText } from '../costs/spend-format.ts';
import { formatTokens } from '../format/numbers.ts';
import { useRoomStore } from '../state/room-store.tsx';

/**
 * The model field of the peer form: a searchable combobox (ARIA 1.2 pattern, list autocomplete) of the models the
 * provider listed at its last "Test connection" (the catalog's before that), each with its context window, prices
 * and capabilities. Any other id may be typed: unknown models are allowed.
 */
export function ModelPicker({
  id,
  provider,
  value,
  onChange,
}: {
  /** The input's id (the form's label points at it). */
  id: string;
  provider: ProviderId;
  value: string;
  onChange: (model: string) => void;
}) {
  const listed = useRoomStore((state) => state.reachableModels[provider]);
  const overrides = useRoomStore((state) => state.modelOverrides);
  const choices = useMemo(() => modelChoices(provider, listed, overrides), [provider, listed, overrides]);
  const [open, setOpen] = useState(false);
  /** What was typed since the list last opened; blank shows every model. */
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const listId = `${id}-listbox`;
  const detailsId = useId();
  const shown = useMemo(() => filterModelChoices(choices, query), [choices, query]);
  const expanded = open && shown.length > 0;
  const picked = choices.find((choice) => choice.id === value.trim());

  // The active option stays in sight as the arrows move it through a long list.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  const pick = (choice: ModelChoice) => {
    onChange(choice.id);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };
  const move = (to: number) => {
    setOpen(true);
    setActive(shown.length === 0 ? -1 : (to + shown.length) % shown.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) setOpen(true);
        else move(expanded ? active + 1 : 0);
        return;
      case 'ArrowUp':
        event.preventDefault();
        move(expanded ? active - 1 : shown.length - 1);
        return;
      case 'Enter':
        if (!expanded || active < 0) return;
        event.preventDefault();
        pick(shown[active]!);
        return;
      case 'Escape':
        if (!open) return;
        // The form's own Escape (a drawer closing) waits for the list to close first.
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
        return;
    }
  };

  return (
    <div className="relative">
      <input
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={detailsId}
        required
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <ul
        id={listId}
        role="listbox"
        // Not "Model…" nor "Provider…": the form's own fields are found by those labels.
        aria-label={listed ? 'Listed at the connection test' : 'From the catalog'}
        hidden={!expanded}
        className="absolute left-0 right-0 z-30 mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {expanded &&
          shown.map((choice, index) => (
            <li
              key={choice.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Keep focus in the input: pick on mouse down, before it would blur.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(choice);
              }}
              onMouseMove={() => setActive(index)}
              className={`cursor-pointer px-2 py-1 text-sm ${index === active ? 'bg-indigo-100 dark:bg-indigo-900' : ''}`}
            >
              <span className="flex items-baseline gap-2">
                <span className="font-mono">{choice.id}</span>
                {choice.label && <span className="truncate text-xs text-slate-500">{choice.label}</span>}
                <Badges choice={choice} />
              </span>
              <span className="block text-xs text-slate-500 dark:text-slate-400">{factsText(choice)}</span>
            </li>
          ))}
      </ul>
      <p id={detailsId} data-testid="model-details" className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">
        {picked ? (
          <>
            {factsText(picked)} <Badges choice={picked} />
          </>
        ) : value.trim() !== '' ? (
          'Not in the list: allowed, with no known prices or context window.'
        ) : (
          `${choices.length} ${listed ? 'listed by the provider' : 'in the catalog'}; type to search.`
        )}
      </p>
    </div>
  );
}

/** "400k context · $0.25 in · $2 out per M tokens", or what is unknown. */
function factsText(choice: ModelChoice): string {
  const context = choice.contextWindow !== undefined ? `${formatTokens(choice.contextWindow)} context` : null;
  const prices = pricesText(choice.inputPricePerMTok, choice.outputPricePerMTok) ?? 'prices unknown';
  return [context, prices].filter((fact) => fact !== null).join(' · ');
}

function Badges({ choice }: { choice: ModelChoice }) {
  const badges = [choice.capabilities?.vision && 'Vision', choice.capabilities?.reasoning && 'Reasoning'].filter(
    (badge) => typeof badge === 'string',
  );
  return badges.map((badge) => (
    <span
      key={badge}
      className="ml-1 rounded bg-slate-100 px-1 text-[0.65rem] font-medium uppercase tracking-wide text-slate-700 dark:bg-slate-800 dark:text-slate-200"
    >
      {badge}
    </span>
  ));
}
