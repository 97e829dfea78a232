import { useState, type FormEvent } from 'react';
import { inviteFragment } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { defaultSyncServer, inviteLink } from './sync-address.ts';

/**
 * "Share room": turns the open room into a shared one on a sync server and shows the invite link. The link's
 * fragment carries the room's secret; whoever holds it can join.
 */
export function ShareRoom() {
  const shared = useRoomStore((state) => state.sharedSession);
  const { shareRoom } = useRoomActions();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [server, setServer] = useState(() => defaultSyncServer(window.location));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const link = shared ? inviteLink(window.location, inviteFragment(shared.address)) : null;

  const share = async (event: FormEvent) => {
    event.preventDefault();
    const result = await shareRoom(server.trim(), name);
    setRefusal(result.ok ? null : result.message);
  };

  const copy = async () => {
    if (link === null) return;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
  };

  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {shared ? 'Invite' : 'Share room'}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={shared ? 'Invite people' : 'Share this room'}
          className="absolute top-full right-0 z-30 mt-1 flex w-96 max-w-[90vw] flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {link === null ? (
            <form onSubmit={(event) => void share(event)} className="flex flex-col gap-2">
              <p className="text-slate-600 dark:text-slate-300">
                Everyone with the link sees the whole conversation and can seat their own AIs on their own keys. Your
                keys stay on this device.
              </p>
              <label className="flex flex-col gap-1">
                Your name
                <input
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                  maxLength={60}
                  autoFocus
                  className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
                />
              </label>
              <label className="flex flex-col gap-1">
                Sync server
                <input
                  value={server}
                  onChange={(event) => setServer(event.target.value)}
                  className="rounded border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700"
                />
              </label>
              {refusal && <Refusal size="xs">{refusal}</Refusal>}
              <button type="submit" className="self-start rounded-md bg-indigo-600 px-3 py-1 font-medium text-white">
                Share
              </button>
            </form>
          ) : (
            <div className="flex flex-col gap-2">
              <label className="flex flex-col gap-1">
                Invite link
                <input
                  readOnly
                  value={link}
                  onFocus={(event) => event.currentTarget.select()}
                  className="rounded border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700"
                />
              </label>
              <button
                type="button"
                onClick={() => void copy()}
                className="self-start rounded-md bg-indigo-600 px-3 py-1 font-medium text-white"
              >
                {copied ? 'Copied' : 'Copy link'}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
