import { useState } from 'react';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

const BUTTON =
  'self-start rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800';

/**
 * "End conversation": once the human confirms, what runs stops and the session's completion is recorded (its MPLP
 * bundle then ends with MAPSessionCompleted). The conversation stays in the list, read-only.
 */
export function EndConversation() {
  const { endConversation } = useRoomActions();
  const ended = useRoomStore((state) => state.ended);
  const [refusal, setRefusal] = useState<string | null>(null);

  const end = () => {
    if (!window.confirm('End this conversation? Replies still being written stop, and it can no longer change.'))
      return;
    const result = endConversation();
    setRefusal(result.ok ? null : result.message);
  };

  return (
    <div className="flex flex-col gap-1">
      <button type="button" disabled={ended} onClick={end} className={BUTTON}>
        {ended ? 'Conversation ended' : 'End conversation'}
      </button>
      {refusal && <Refusal>{refusal}</Refusal>}
    </div>
  );
}
