import type { TranscriptMessage } from '../../store/index.ts';
import { EndingNote } from './EndingNote.tsx';

/** What went wrong or is pending: the error, a retry wait, how a reply ended (refusal, filter, token limit, empty). */
export function MessageNotes({ message }: { message: TranscriptMessage }) {
  const error =
    message.status === 'error'
      ? (message.error?.message ?? `Failed (${message.errorReason ?? 'unknown error'}).`)
      : null;
  return (
    <>
      {message.retrying && message.status === 'streaming' && (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">{message.retrying}</p>
      )}
      {error && (
        <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <span className="font-semibold">Error: </span>
          {error}
        </p>
      )}
      {message.status === 'interrupted' && (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">
          Stopped before the end; the text so far is kept.
        </p>
      )}
      {message.status === 'complete' && <EndingNote message={message} />}
    </>
  );
}
