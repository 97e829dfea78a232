import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { RoundEnd } from '../transcript/RoundEnd.tsx';

/** The running round at a glance: Stop all, who is queued next and "Skip next", and why the last round ended. */
export function RoundControls() {
  // Also while a reply from an earlier round is still being written, after its own round has ended.
  const anythingRunning = useRoomStore((state) => state.roundActive || state.streamingPeerIds.length > 0);
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1">
      {anythingRunning && <StopAllButton />}
      <QueuedNext />
      <div className="ml-auto">
        <RoundEnd />
      </div>
    </div>
  );
}

function StopAllButton() {
  const { stopAll } = useRoomActions();
  return (
    <button
      type="button"
      onClick={stopAll}
      className="rounded-md bg-red-600 px-3 py-1 text-sm font-medium text-white hover:bg-red-700"
    >
      Stop all
    </button>
  );
}

function QueuedNext() {
  const queued = useRoomStore((state) => state.queuedPeerIds);
  const peers = useRoomStore((state) => state.peers);
  const { skipNext } = useRoomActions();
  if (queued.length === 0) return null;
  const names = queued.map((id) => peers.find((peer) => peer.id === id)?.displayName ?? id);
  return (
    <div className="flex items-center gap-2 text-sm">
      <span>
        Next: <span className="font-medium">{names[0]}</span>
        {names.length > 1 && (
          <span className="text-slate-500 dark:text-slate-400">, then {names.slice(1).join(', ')}</span>
        )}
      </span>
      <button
        type="button"
        onClick={skipNext}
        className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Skip next
      </button>
    </div>
  );
}
