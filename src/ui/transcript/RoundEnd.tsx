import { roundEndText } from '../format/reasons.ts';
import { useRoomStore } from '../state/room-store.tsx';

/** Why the last round ended, e.g. "Round ended: queue empty" (`data-round-end` holds the reason code). */
export function RoundEnd() {
  const reason = useRoomStore((state) => state.lastRoundEnd);
  if (reason === null) return null;
  return (
    <p data-round-end={reason} className="text-sm text-slate-600 dark:text-slate-400">
      Round ended: {roundEndText(reason)}
    </p>
  );
}
