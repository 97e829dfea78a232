import { useId } from 'react';
import { REASONING_BUDGET_RULE, REASONING_EFFORTS } from '../../store/index.ts';
import type { ReasoningEffort } from '../../store/index.ts';
import type { ReasoningDraft, ReasoningOptions } from './reasoning-draft.ts';

const EFFORT_LABEL: Record<ReasoningEffort, string> = {
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

const BUDGET_HINT: Record<'budget' | 'budget-and-thoughts', string> = {
  budget:
    'Blank: no extended thinking. At least 1024; it comes on top of max output tokens, and no temperature is sent.',
  'budget-and-thoughts': 'Blank: the model’s default. 0 turns thinking off, -1 lets the model decide.',
};

/** The peer form's reasoning options for the seat's provider (shown only for models that reason, or unknown ones). */
export function ReasoningFields({
  options,
  draft,
  onChange,
}: {
  options: ReasoningOptions;
  draft: ReasoningDraft;
  onChange: (patch: Partial<ReasoningDraft>) => void;
}) {
  const id = useId();
  if (options === 'none') return null;
  return (
    <fieldset className="flex flex-col gap-1 rounded border border-slate-200 p-2 dark:border-slate-800">
      <legend className="px-1 text-xs font-medium">Reasoning</legend>
      {options === 'effort' ? (
        <>
          <label htmlFor={`${id}-effort`} className="text-xs font-medium">
            Reasoning effort
          </label>
          <select
            id={`${id}-effort`}
            value={draft.effort}
            onChange={(event) => onChange({ effort: event.target.value as ReasoningEffort | '' })}
            className={INPUT}
          >
            <option value="">Model default</option>
            {REASONING_EFFORTS.map((effort) => (
              <option key={effort} value={effort}>
                {EFFORT_LABEL[effort]}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-budget`} className="text-xs font-medium">
            Thinking budget (tokens)
          </label>
          <input
            id={`${id}-budget`}
            type="number"
            min={REASONING_BUDGET_RULE.min}
            max={REASONING_BUDGET_RULE.max}
            step={1}
            placeholder="default"
            value={draft.budgetTokens}
            onChange={(event) => onChange({ budgetTokens: event.target.value })}
            className={INPUT}
          />
          <span className="text-xs text-slate-500 dark:text-slate-400">{BUDGET_HINT[options]}</span>
        </>
      )}
      {options === 'budget-and-thoughts' && (
        <label className="flex items-center gap-2 text-xs">
          <input
            type="checkbox"
            checked={draft.includeThoughts}
            onChange={(event) => onChange({ includeThoughts: event.target.checked })}
          />
          Show thought summaries
        </label>
      )}
    </fieldset>
  );
}

const INPUT =
  'w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
