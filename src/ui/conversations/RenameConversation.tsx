import { useState, type FormEvent } from 'react';
import type { ConversationSummary } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useLibraryActions } from '../state/library-store.tsx';

/** The title in place, as a text box: Enter saves, Escape cancels; a refused title is explained. */
export function RenameConversation({ summary, onDone }: { summary: ConversationSummary; onDone: () => void }) {
  const { rename } = useLibraryActions();
  const [title, setTitle] = useState(summary.title);
  const [refusal, setRefusal] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename(summary.id, title);
    if (result.ok) onDone();
    else setRefusal(result.message);
  };

  return (
    <form
      aria-label={`Rename ${summary.title}`}
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Escape cancels the rename only; it does not also close the drawer around the list.
        event.stopPropagation();
        onDone();
      }}
      className="flex flex-col gap-1 rounded-md px-1 py-1"
    >
      <input
        aria-label="Conversation title"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          setRefusal(null);
        }}
        onFocus={(event) => event.currentTarget.select()}
        // The box appears because the user asked to rename: focus belongs in it.
        autoFocus
        maxLength={200}
        className="w-full rounded border border-slate-300 bg-transparent px-1.5 py-0.5 text-sm dark:border-slate-700"
      />
      {refusal && <Refusal size="xs">{refusal}</Refusal>}
      <div className="flex gap-1">
        <button type="submit" className="rounded bg-indigo-600 px-2 py-0.5 text-xs font-medium text-white">
          Save
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-700"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
