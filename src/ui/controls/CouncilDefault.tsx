import { useState } from 'react';
import { Refusal } from '../common/Refusal.tsx';
import { councilOf, RoundPicker, roundChoiceOf } from '../composer/RoundPicker.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/** The room's default round for new messages, and who writes a council's synthesis (recorded in the room log). */
export function CouncilDefault() {
  const council = useRoomStore((state) => state.councilDefault ?? null);
  const peers = useRoomStore((state) => state.peers);
  const { setCouncilDefault } = useRoomActions();
  const [refusal, setRefusal] = useState<string | null>(null);
  const apply = (next: ReturnType<typeof councilOf>) => {
    const result = setCouncilDefault(next);
    setRefusal(result.ok ? null : result.message);
  };
  return (
    <div className="flex flex-col gap-2 text-sm">
      <label className="flex items-center justify-between gap-2">
        New messages
        <RoundPicker
          label="Default round"
          className="h-8"
          value={roundChoiceOf(council)}
          onChange={(choice) => apply(councilOf(choice, council))}
        />
      </label>
      <label className="flex items-center justify-between gap-2">
        Synthesis by
        <select
          aria-label="Synthesis by"
          className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-700 dark:bg-slate-900"
          disabled={council === null}
          value={council?.synthesizerId ?? ''}
          onChange={(event) => {
            if (council === null) return;
            const synthesizerId = event.currentTarget.value;
            apply({ strategy: council.strategy, ...(synthesizerId ? { synthesizerId } : {}) });
          }}
        >
          <option value="">Nobody</option>
          {peers.map((peer) => (
            <option key={peer.id} value={peer.id}>
              {peer.displayName}
            </option>
          ))}
        </select>
      </label>
      {refusal && <Refusal size="xs">{refusal}</Refusal>}
    </div>
  );
}
