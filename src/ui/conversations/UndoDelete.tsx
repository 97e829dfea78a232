import { useEffect, useRef } from 'react';
import { useLibrary, useLibraryActions } from '../state/library-store.tsx';

/** After a deletion, for as long as it can be undone: what was deleted, and "Undo" (which takes focus). */
export function UndoDelete() {
  const deleted = useLibrary((state) => state.deleted);
  const { undoRemove } = useLibraryActions();
  const undoRef = useRef<HTMLButtonElement>(null);
  const deletedId = deleted?.id;
  useEffect(() => {
    if (deletedId !== undefined) undoRef.current?.focus();
  }, [deletedId]);
  return (
    <div role="status" className="empty:hidden">
      {deleted && (
        <div className="flex items-center gap-2 rounded-md bg-slate-100 px-2 py-1 text-sm dark:bg-slate-800">
          <p className="min-w-0 flex-1 truncate">Deleted “{deleted.title}”</p>
          <button
            ref={undoRef}
            type="button"
            onClick={() => void undoRemove()}
            className="rounded px-2 py-0.5 font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
          >
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
