import { useEffect, useState } from 'react';
import { useLibrary, useLibraryActions } from '../state/library-store.tsx';

/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 250;

/** Searches titles and message text; the list follows once typing pauses. */
export function SearchConversations() {
  const stored = useLibrary((state) => state.query);
  const { search } = useLibraryActions();
  const [query, setQuery] = useState(stored);
  useEffect(() => {
    if (query === stored) return;
    const timer = setTimeout(() => void search(query), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, stored, search]);
  return (
    <input
      type="search"
      aria-label="Search conversations"
      placeholder="Search conversations"
      value={query}
      onChange={(event) => setQuery(event.target.value)}
      className="w-full rounded-md border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700"
    />
  );
}
