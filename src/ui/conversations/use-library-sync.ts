import { useEffect } from 'react';
import { useLibraryStoreApi } from '../state/library-store';
import { useRoomStoreApi } from '../state/room-store';

/**
 * Keeps the list in step with the open conversation: it is saved with its first message, moves to the top as it
 * goes on, and changes title or identity. Refreshes at most once per `delayMs` (never per streamed token).
 */
export function useLibrarySync(delayMs = 300): void {
  const room = useRoomStoreApi();
  const library = useLibraryStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        // A failed refresh leaves the list as it was; the next change tries again.
        library
          .getState()
          .refresh()
          .catch(() => {});
      }, delayMs);
    };
    schedule();
    const unsubscribe = room.subscribe((state, previous) => {
      if (
        state.conversationId !== previous.conversationId ||
        state.title !== previous.title ||
        state.messageIds !== previous.messageIds ||
        state.roundActive !== previous.roundActive
      )
        schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [room, library, delayMs]);
}
