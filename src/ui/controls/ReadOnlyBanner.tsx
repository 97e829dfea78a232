import { readOnlyNotice } from '../../store/index.ts';
import { useRoomStore } from '../state/room-store.tsx';

/** Says so, plainly, when nothing done here can change the conversation: another tab holds it, or it has ended. */
export function ReadOnlyBanner() {
  const reason = useRoomStore(readOnlyNotice);
  if (reason === null) return null;
  return (
    <div
      role="alert"
      className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <span className="font-semibold">Read-only here. </span>
        {reason}
      </p>
    </div>
  );
}
