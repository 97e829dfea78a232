import { useState } from 'react';
import { useNow } from '../common/use-now.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useLibrary } from '../state/library-store.tsx';
import { useRoomStore } from '../state/room-store.tsx';
import { ConversationItem } from './ConversationItem.tsx';

/** The stored conversations matching the search, newest first; the open one is marked current. */
export function ConversationList({ onOpened }: { onOpened: (() => void) | undefined }) {
  const conversations = useLibrary((state) => state.conversations);
  const query = useLibrary((state) => state.query);
  const openId = useRoomStore((state) => state.conversationId);
  const openTitle = useRoomStore((state) => state.title);
  const now = useNow();
  const [refusal, setRefusal] = useState<string | null>(null);
  const openIsListed = conversations.some((summary) => summary.id === openId);

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      {refusal && <Refusal>{refusal}</Refusal>}
      {!openIsListed && query === '' && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          “{openTitle}” is open; it is kept here from its first message.
        </p>
      )}
      {conversations.length === 0 ? (
        query !== '' && <p className="text-sm text-slate-500 dark:text-slate-400">No conversation matches “{query}”.</p>
      ) : (
        <ul className="-mx-1 flex min-h-0 flex-1 flex-col gap-1 overflow-y-auto px-1">
          {conversations.map((summary) => (
            <ConversationItem
              key={summary.id}
              summary={summary}
              current={summary.id === openId}
              now={now}
              onOpened={(result) => {
                setRefusal(result.ok ? null : result.message);
                if (result.ok) onOpened?.();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
