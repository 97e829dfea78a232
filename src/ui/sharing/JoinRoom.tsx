import { useState, type FormEvent } from 'react';
import type { SharedRoomAddress } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions } from '../state/room-store.tsx';

/** Opening an invite link: the person names themselves, then joins and sees the whole history. */
export function JoinRoom({ address, onDone }: { address: SharedRoomAddress; onDone: () => void }) {
  const { joinSharedRoom } = useRoomActions();
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const result = await joinSharedRoom(address.serverUrl, `${address.roomId}.${address.secret}`, name);
    if (result.ok) onDone();
    else setRefusal(result.message);
  };

  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4">
      <form
        role="dialog"
        aria-modal="true"
        aria-label="Join a shared room"
        onSubmit={(event) => void join(event)}
        className="flex w-96 max-w-full flex-col gap-3 rounded-lg bg-white p-4 text-sm shadow-xl dark:bg-slate-900"
      >
        <h2 className="text-base font-semibold">Join a shared room</h2>
        <p className="text-slate-600 dark:text-slate-300">
          You were invited to a PeerChat room. The others see your name on your messages; you can seat your own AIs on
          your own keys, which stay on this device.
        </p>
        <label className="flex flex-col gap-1">
          Your name
          <input
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setRefusal(null);
            }}
            maxLength={60}
            autoFocus
            className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
        </label>
        {refusal && <Refusal size="xs">{refusal}</Refusal>}
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1 font-medium text-white">
            Join
          </button>
          <button
            type="button"
            onClick={onDone}
            className="rounded-md px-3 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Not now
          </button>
        </div>
      </form>
    </div>
  );
}
