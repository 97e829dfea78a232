import { ConversationList } from './ConversationList.tsx';
import { NewConversation } from './NewConversation.tsx';
import { SearchConversations } from './SearchConversations.tsx';
import { UndoDelete } from './UndoDelete.tsx';
import { useLibrarySync } from './use-library-sync.ts';

/**
 * The conversations stored in this browser: start a new one, search them, open, rename, duplicate or delete one
 * (with undo). `onNavigate` runs once another conversation is open (the phone drawer closes then).
 */
export function ConversationsSidebar({ onNavigate }: { onNavigate?: () => void }) {
  useLibrarySync();
  return (
    <nav aria-label="Conversations" className="flex min-h-0 flex-1 flex-col gap-2 p-3">
      <NewConversation onDone={onNavigate} />
      <SearchConversations />
      <UndoDelete />
      <ConversationList onOpened={onNavigate} />
    </nav>
  );
}
