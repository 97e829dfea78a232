import { memo, useMemo, useState } from 'react';
import type { CoreEvent } from '../../store/index.ts';
import { endingWords } from '../../store/index.ts';
import { handleOf } from '../format/participants.ts';
import { useRoomStore } from '../state/room-store.tsx';
import { describeEvent, type EventNames } from './describe-event.ts';

const PAGE = 200;

/** The audit trail (profile §9), newest first, one line per event with its Lamport number. */
export function EventLog() {
  const events = useRoomStore((state) => state.events);
  const pending = useRoomStore((state) => state.eventLogPending);
  const human = useRoomStore((state) => state.human);
  const peers = useRoomStore((state) => state.peers);
  const [shown, setShown] = useState(PAGE);
  const names = useMemo<EventNames>(
    () => ({ handleOf: (id) => handleOf({ human, peers }, id), humanHandle: human.handle }),
    [human, peers],
  );
  const newestFirst = events.slice(Math.max(0, events.length - shown)).reverse();
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {pending
          ? 'Reading the stored events… Events since opening, newest first.'
          : `${events.length} ${events.length === 1 ? 'event' : 'events'}, newest first.`}{' '}
        # is the Lamport number.
      </p>
      <ol aria-label="Event log" className="flex flex-col font-mono text-xs">
        {newestFirst.map((event) => (
          <EventLine key={event.lamport} event={event} names={names} />
        ))}
      </ol>
      {events.length > shown && (
        <button
          type="button"
          onClick={() => setShown(shown + PAGE)}
          className="self-start rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700"
        >
          Show older events
        </button>
      )}
    </div>
  );
}

const EventLine = memo(function EventLine({ event, names }: { event: CoreEvent; names: EventNames }) {
  const ending = useEndingNote(event);
  return (
    <li data-event-type={event.type} className="flex gap-2 border-b border-slate-100 py-1 dark:border-slate-900">
      <span className="shrink-0 text-slate-500 tabular-nums dark:text-slate-400">#{event.lamport}</span>
      <span className="break-words">
        {describeEvent(event, names)}
        {ending !== null && ` — ${ending}`}
      </span>
    </li>
  );
});

/** A finished turn's ending (refusal, filter, token limit, empty reply) in the message's own words, or null. */
function useEndingNote(event: CoreEvent): string | null {
  const messageId = event.type === 'turn-completed' ? event.messageId : undefined;
  const ending = useRoomStore((state) => (messageId === undefined ? undefined : state.messages[messageId]?.ending));
  const provider = useRoomStore((state) =>
    event.type === 'turn-completed' ? state.peers.find((peer) => peer.id === event.peerId)?.provider : undefined,
  );
  return ending === undefined ? null : endingWords(ending, provider ?? 'openai-compatible');
}
