import { useState } from 'react';
import { PEER_COLOURS } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRefocus } from '../common/use-refocus.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { PeerCard } from './PeerCard.tsx';
import { PeerForm } from './PeerForm.tsx';
import { PRESET_IDS, PRESET_LABEL } from './view-model.ts';

/** Who sits at the table: the seats in speaking order, and a form to add one. */
export function RoomPanel() {
  const peers = useRoomStore((state) => state.peers);
  const { addPeer, applyDapPreset } = useRoomActions();
  const [adding, setAdding] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // After the form closes, focus goes back to the button that opened it.
  const [addButtonRef, refocusAdd] = useRefocus<HTMLButtonElement>();
  return (
    <div className="flex flex-col gap-3">
      {peers.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-xs">
          <span>Every peer:</span>
          <div role="group" aria-label="DAP preset for every peer" className="flex gap-1">
            {PRESET_IDS.map((id) => (
              <button
                key={id}
                type="button"
                onClick={() => {
                  const result = applyDapPreset(null, id);
                  setRefusal(result.ok ? null : result.message);
                }}
                className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                {PRESET_LABEL[id]}
              </button>
            ))}
          </div>
          {refusal && <Refusal size="xs">{refusal}</Refusal>}
        </div>
      )}
      {peers.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No peers yet. Add one to start talking.</p>
      ) : (
        <ol aria-label="Seats" className="flex flex-col gap-2">
          {peers.map((peer, index) => (
            <PeerCard key={peer.id} peer={peer} first={index === 0} last={index === peers.length - 1} />
          ))}
        </ol>
      )}
      {adding ? (
        <PeerForm
          defaultColour={PEER_COLOURS[peers.length % PEER_COLOURS.length]!}
          onSubmit={addPeer}
          onDone={() => {
            refocusAdd();
            setAdding(false);
          }}
        />
      ) : (
        <button
          ref={addButtonRef}
          type="button"
          onClick={() => setAdding(true)}
          className="self-start rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Add peer
        </button>
      )}
    </div>
  );
}
