import { useState } from 'react';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/** The room setting "Share reasoning with other peers" (off by default; recorded in the room log). */
export function ShareReasoning() {
  const share = useRoomStore((state) => state.shareReasoning === true);
  const { setShareReasoning } = useRoomActions();
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={share}
          onChange={(event) => {
            const result = setShareReasoning(event.currentTarget.checked);
            setRefusal(result.ok ? null : result.message);
          }}
        />
        Share reasoning with other peers
      </label>
      {refusal && <Refusal size="xs">{refusal}</Refusal>}
    </div>
  );
}
