import type { TranscriptMessage } from '../../store/index.ts';
import { wasCutOff } from './message-view-model.ts';

/** What went wrong or is pending: the error, a retry wait, a reply cut off at the output limit. */
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
      {wasCutOff(message.stopReason) && (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">
          Cut off: the reply reached this peer’s max output tokens (stop reason “{message.stopReason}”).
        </p>
      )}
    </>
  );
}
