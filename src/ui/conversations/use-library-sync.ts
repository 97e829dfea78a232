import { useEffect } from 'react';
import { useLibraryStoreApi } from '../state/library-store.tsx';

/** Keeps the conversation list in step with the room while the list is on screen (the rule: `followRoom`). */
export function useLibrarySync(): void {
  const library = useLibraryStoreApi();
  useEffect(() => library.getState().followRoom(), [library]);
}
