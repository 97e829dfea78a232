import type { TranscriptMessage } from '../../store/index.ts';
import { endingWords } from '../../store/index.ts';
import { useRoomStore } from '../state/room-store.tsx';
import { wasCutOff } from './message-view-model.ts';

/** How a complete reply ended, when that needs a word: a refusal, a content filter, the token limit, no text. */
export function EndingNote({ message }: { message: TranscriptMessage }) {
  const provider = useRoomStore(
    (state) => state.peers.find((peer) => peer.id === message.authorId)?.provider ?? 'openai-compatible',
  );
  const ending = message.ending;
  if (ending !== undefined)
    return (
      <p data-part="ending" data-ending={ending.kind} className="mt-2 text-sm text-amber-800 dark:text-amber-200">
        {endingWords(ending, provider)}
      </p>
    );
  // A message recorded before endings were kept: its stop reason alone.
  if (!wasCutOff(message.stopReason)) return null;
  return (
    <p data-part="ending" data-ending="max-tokens" className="mt-2 text-sm text-amber-800 dark:text-amber-200">
      Cut off: the reply reached its token limit ({message.stopReason}).
    </p>
  );
}
