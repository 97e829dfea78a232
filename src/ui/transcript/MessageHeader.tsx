import type { TranscriptMessage } from '../../store/index.ts';
import { useRoomStore } from '../state/room-store.tsx';
import { STATUS_LABEL, modeStamp, reasonOf, type MessageAuthor } from './message-view-model.ts';

const STATUS_STYLE: Record<TranscriptMessage['status'], string> = {
  streaming: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
  complete: 'sr-only',
  interrupted: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  error: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-100',
  passed: 'bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

/** Who wrote it, under which mode, why that peer spoke, and where the message stands. */
export function MessageHeader({
  message,
  author,
  headingId,
}: {
  message: TranscriptMessage;
  author: MessageAuthor;
  headingId: string;
}) {
  const mode = useRoomStore((state) => modeStamp(state, message.modeId));
  const reason = useRoomStore((state) => reasonOf(state, message));
  return (
    <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
      <h2 id={headingId} className="flex items-center gap-1.5 font-semibold">
        {author.colour && (
          <span aria-hidden="true" className="size-2.5 rounded-full" style={{ backgroundColor: author.colour }} />
        )}
        {author.displayName}
      </h2>
      <span className="text-slate-500 dark:text-slate-400">@{author.handle}</span>
      {reason && (
        <span className="rounded bg-indigo-50 px-1.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
          <span className="sr-only">Why: </span>
          {reason}
        </span>
      )}
      {mode && <span className="text-xs text-slate-500 dark:text-slate-400">{mode}</span>}
      <span className={`rounded px-1.5 text-xs ${STATUS_STYLE[message.status]}`}>{STATUS_LABEL[message.status]}</span>
    </header>
  );
}
