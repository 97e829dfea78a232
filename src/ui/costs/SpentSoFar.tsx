import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ConversationSpend } from '../../store/index.ts';
import { costText } from './spend-format.ts';
import { SpendBreakdown } from './SpendBreakdown.tsx';
import { useConversationSpend } from './use-spend.ts';

/**
 * "Spent so far" in the header: the conversation's cost, live ("≈" while a turn streams). A click (or hovering)
 * opens its breakdown per peer and per round; Escape or a second click closes it.
 */
export function SpentSoFar() {
  const spend = useConversationSpend();
  const [pinned, setPinned] = useState(false);
  const [hovered, setHovered] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const open = pinned || hovered;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setPinned(false);
    setHovered(false);
    button.current?.focus();
  };

  return (
    <div
      className="relative"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setPinned(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          // A click keeps it open (hovering only shows it); a second click closes it, even under the pointer.
          setPinned(!pinned);
          setHovered(false);
        }}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm tabular-nums hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Spent so far: <span data-testid="spent-total">{totalText(spend)}</span>
      </button>
      <div
        id={id}
        role="region"
        aria-label="Spending breakdown"
        hidden={!open}
        className="absolute right-0 z-30 mt-1 w-80 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {open && <SpendBreakdown spend={spend} />}
      </div>
    </div>
  );
}

function totalText({ total }: ConversationSpend): string {
  return costText(total.costUsd, total.estimated);
}
