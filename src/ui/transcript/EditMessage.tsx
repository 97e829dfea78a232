import { useId, useState, type FormEvent } from 'react';
import type { TranscriptMessage } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStoreApi } from '../state/room-store.tsx';
import { useFocusLater } from './pending-focus.ts';

/**
 * The human's message in a text box, to change and rerun the conversation from there (the earlier version is
 * kept). Ctrl+Enter (⌘+Enter) saves, Escape cancels.
 */
export function EditMessage({ message, onCancel }: { message: TranscriptMessage; onCancel: () => void }) {
  const { editAndRerun } = useRoomActions();
  const store = useRoomStoreApi();
  const focusLater = useFocusLater();
  const [text, setText] = useState(message.text);
  const [refusal, setRefusal] = useState<string | null>(null);
  const hintId = useId();

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const place = store.getState().messageIds.indexOf(message.id);
    const result = editAndRerun(message.id, text);
    if (!result.ok) return setRefusal(result.message);
    // The edited version takes this one's place; its "Edit message" button takes focus.
    const edited = store.getState().messageIds[place];
    if (edited !== undefined) focusLater(edited, 'edit');
  };

  return (
    <form
      aria-label="Edit your message"
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          save(event);
        }
      }}
      className="mt-1 flex flex-col gap-2"
    >
      <textarea
        aria-label="Edit message"
        aria-describedby={hintId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setRefusal(null);
        }}
        // The box opens because the user asked to edit: focus belongs in it.
        autoFocus
        rows={3}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 [field-sizing:content] dark:border-slate-700 dark:bg-slate-900"
      />
      <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
        The conversation reruns from here; the earlier version is kept. Ctrl+Enter saves, Escape cancels.
      </p>
      {refusal && <Refusal>{refusal}</Refusal>}
      <div className="flex gap-2">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Save and rerun
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
