import { useId, useState } from 'react';
import { PendingFocusContext, createPendingFocus } from './pending-focus.ts';
import { ShowPassesContext } from './show-passes.ts';
import { TranscriptList } from './TranscriptList.tsx';

/** The conversation: the message list and the "Show passes" switch. */
export function Transcript() {
  const [showPasses, setShowPasses] = useState(false);
  const toggleId = useId();
  const [pendingFocus] = useState(createPendingFocus);
  return (
    <section aria-label="Conversation" className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center justify-end gap-2 border-b border-slate-200 px-4 py-1 text-sm dark:border-slate-800">
        <input
          id={toggleId}
          type="checkbox"
          checked={showPasses}
          onChange={(event) => setShowPasses(event.target.checked)}
          className="accent-indigo-600"
        />
        <label htmlFor={toggleId}>Show passes</label>
      </div>
      <ShowPassesContext value={showPasses}>
        <PendingFocusContext value={pendingFocus}>
          <TranscriptList />
        </PendingFocusContext>
      </ShowPassesContext>
    </section>
  );
}
