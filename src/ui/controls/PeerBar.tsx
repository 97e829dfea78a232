import { memo } from 'react';
import type { PeerSeat } from '../../store/index.ts';
import { formatProbability } from '../format/numbers.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { probabilityOf } from './view-model.ts';

const BUTTON =
  'rounded px-1.5 py-0.5 text-xs font-medium hover:bg-slate-200 dark:hover:bg-slate-700 disabled:opacity-50';

/**
 * One chip per peer with the human's controls (profile §8): Stop while it writes, Speak now, Mute / Unmute. The
 * chips wrap onto more lines, so every peer stays in reach at any width; past a few lines the bar scrolls.
 */
export function PeerBar() {
  const peers = useRoomStore((state) => state.peers);
  // The arbiter's running turns: a stored array, replaced only when a turn starts or ends (never per token).
  const streaming = useRoomStore((state) => state.streamingPeerIds);
  if (peers.length === 0) return null;
  const writing = new Set(streaming);
  return (
    <ul aria-label="Peers" className="flex max-h-[30vh] flex-wrap gap-2 overflow-y-auto px-3 py-1.5">
      {peers.map((peer) => (
        <PeerChip key={peer.id} peer={peer} streaming={writing.has(peer.id)} />
      ))}
    </ul>
  );
}

const PeerChip = memo(function PeerChip({ peer, streaming }: { peer: PeerSeat; streaming: boolean }) {
  const { stopPeer, speakNow, mute, unmute } = useRoomActions();
  const probability = useRoomStore((state) => probabilityOf(state, peer.id));
  const name = peer.displayName;
  return (
    <li
      className={`flex shrink-0 items-center gap-1 rounded-full border py-0.5 pr-1 pl-2.5 text-sm ${peer.enabled ? 'border-slate-300 dark:border-slate-700' : 'border-dashed border-slate-300 text-slate-500 dark:border-slate-700'}`}
    >
      <span aria-hidden="true" className="size-2.5 rounded-full" style={{ backgroundColor: peer.colour }} />
      <span className="font-medium">{name}</span>
      {streaming && <span className="text-xs text-sky-700 dark:text-sky-300">writing…</span>}
      <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
        {peer.enabled && probability !== undefined ? (
          <>
            <span className="sr-only">chance to speak </span>p {formatProbability(probability)}
          </>
        ) : (
          'muted'
        )}
      </span>
      {streaming && (
        <button
          type="button"
          aria-label={`Stop ${name}`}
          onClick={() => stopPeer(peer.id)}
          className={`${BUTTON} text-red-700 dark:text-red-300`}
        >
          Stop
        </button>
      )}
      <button type="button" aria-label={`Speak now: ${name}`} onClick={() => speakNow(peer.id)} className={BUTTON}>
        Speak
      </button>
      <button
        type="button"
        aria-label={`${peer.enabled ? 'Mute' : 'Unmute'} ${name}`}
        onClick={() => (peer.enabled ? mute(peer.id) : unmute(peer.id))}
        className={BUTTON}
      >
        {peer.enabled ? 'Mute' : 'Unmute'}
      </button>
    </li>
  );
});
