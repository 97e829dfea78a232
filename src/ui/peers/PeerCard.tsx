import { useState } from 'react';
import type { PeerSeat } from '../../store/index.ts';
import { useRefocus } from '../common/use-refocus.ts';
import { PROVIDER_LABEL } from '../providers/labels.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { ContextMeter } from './ContextMeter.tsx';
import { DapControls } from './DapControls.tsx';
import { PeerForm } from './PeerForm.tsx';

const SMALL_BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

/** One seat in the Room panel: who it is, how full its context is, its DAP profile, and edit / reorder / remove. */
export function PeerCard({ peer, first, last }: { peer: PeerSeat; first: boolean; last: boolean }) {
  const { updatePeer, movePeer, removePeer } = useRoomActions();
  const [editing, setEditing] = useState(false);
  // After the form closes, focus goes back to "Edit".
  const [editButtonRef, refocusEdit] = useRefocus<HTMLButtonElement>();
  const name = peer.displayName;
  // In a shared room: whose browser runs this seat, on whose key.
  const owner = useRoomStore((state) =>
    peer.ownerId === undefined || state.shared === null
      ? null
      : peer.ownerId === state.shared.me.memberId
        ? 'you'
        : (state.shared.members.find((member) => member.memberId === peer.ownerId)?.name ?? 'a former member'),
  );

  if (editing) {
    return (
      <li>
        <PeerForm
          peer={peer}
          defaultColour={peer.colour}
          onSubmit={(input) => updatePeer(peer.id, input)}
          onDone={() => {
            refocusEdit();
            setEditing(false);
          }}
        />
      </li>
    );
  }

  return (
    <li
      aria-label={name}
      className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
      style={{ borderLeftColor: peer.colour, borderLeftWidth: 4 }}
    >
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold">{name}</span>
        <span className="text-sm text-slate-500 dark:text-slate-400">@{peer.handle}</span>
        {peer.aliases.length > 0 && (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            also {peer.aliases.map((alias) => `@${alias}`).join(', ')}
          </span>
        )}
        {!peer.enabled && <span className="rounded bg-slate-200 px-1.5 text-xs dark:bg-slate-800">muted</span>}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {PROVIDER_LABEL[peer.provider]} · {peer.model}
        {peer.settings.temperature !== undefined && ` · temperature ${peer.settings.temperature}`}
        {peer.settings.maxOutputTokens !== undefined && ` · max ${peer.settings.maxOutputTokens} output tokens`}
        {owner !== null && (owner === 'you' ? ' · yours, on your key' : ` · seated by ${owner}, on their key`)}
      </p>
      <ContextMeter peerId={peer.id} name={name} windowTokens={peer.settings.contextWindow} />
      <details className="group">
        <summary className="cursor-pointer text-xs font-medium text-indigo-700 dark:text-indigo-300">
          Turn-taking (DAP)
        </summary>
        <div className="mt-2">
          <DapControls peer={peer} />
        </div>
      </details>
      <div className="flex flex-wrap gap-1">
        <button
          ref={editButtonRef}
          type="button"
          aria-label={`Edit ${name}`}
          onClick={() => setEditing(true)}
          className={SMALL_BUTTON}
        >
          Edit
        </button>
        <button
          type="button"
          aria-label={`Move ${name} up`}
          disabled={first}
          onClick={() => movePeer(peer.id, -1)}
          className={SMALL_BUTTON}
        >
          Up
        </button>
        <button
          type="button"
          aria-label={`Move ${name} down`}
          disabled={last}
          onClick={() => movePeer(peer.id, 1)}
          className={SMALL_BUTTON}
        >
          Down
        </button>
        <button
          type="button"
          aria-label={`Remove ${name}`}
          onClick={() => {
            if (window.confirm(`Remove ${name} from the room?`)) removePeer(peer.id);
          }}
          className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
