import type { MentionSuggestion } from './mention-query.ts';

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** The autocomplete list under the composer; the textarea keeps focus and points at the active option. */
export function MentionSuggestions({
  id,
  suggestions,
  active,
  onPick,
}: {
  id: string;
  suggestions: readonly MentionSuggestion[];
  active: number;
  onPick: (index: number) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Mention suggestions"
      className="absolute bottom-full left-0 z-20 mb-1 max-h-64 w-72 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {suggestions.map((suggestion, index) => (
        <li
          key={suggestion.name}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          // Keep focus in the textarea: pick on mouse down, before the textarea would blur.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(index);
          }}
          className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm ${index === active ? 'bg-indigo-100 dark:bg-indigo-900' : ''}`}
        >
          {suggestion.colour && (
            <span
              aria-hidden="true"
              className="size-2 shrink-0 rounded-full"
              style={{ backgroundColor: suggestion.colour }}
            />
          )}
          <span className="font-medium">@{suggestion.name}</span>
          <span className="truncate text-xs text-slate-500 dark:text-slate-400">{suggestion.detail}</span>
        </li>
      ))}
    </ul>
  );
}
