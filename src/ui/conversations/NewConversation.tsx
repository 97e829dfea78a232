import { useLibraryActions } from '../state/library-store.tsx';

/** Starts an empty conversation at the same table (same seats, mode and limits). */
export function NewConversation({ onDone }: { onDone: (() => void) | undefined }) {
  const { newConversation } = useLibraryActions();
  return (
    <button
      type="button"
      onClick={() => void newConversation().then(onDone)}
      className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
    >
      New conversation
    </button>
  );
}
