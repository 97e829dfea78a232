import { useShallow } from 'zustand/shallow';
import type { Member } from '../../store/index.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

const STATUS_WORDS = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline: reconnecting…',
  refused: 'Refused by the server',
} as const;

/** A shared room's people: who is here, who is typing, their roles, and the owner's controls over them. */
export function SharedRoomBar() {
  const shared = useRoomStore((state) => state.shared);
  const typing = useRoomStore(
    useShallow((state) =>
      (state.shared?.presence ?? [])
        .filter((entry) => entry.typing && entry.memberId !== state.shared?.me.memberId)
        .map((entry) => entry.name),
    ),
  );
  const { setMemberRole, removeMember } = useRoomActions();
  if (shared === null) return null;
  const online = new Set(shared.presence.map((entry) => entry.memberId));
  const isOwner = shared.role === 'owner';

  const controls = (member: Member) =>
    isOwner &&
    member.role !== 'owner' && (
      <>
        <button
          type="button"
          onClick={() => setMemberRole(member.memberId, member.role === 'arbiter' ? 'contributor' : 'arbiter')}
          className="rounded px-1 text-xs underline-offset-2 hover:underline"
        >
          {member.role === 'arbiter' ? `Revoke arbiter from ${member.name}` : `Make ${member.name} arbiter`}
        </button>
        <button
          type="button"
          onClick={() => removeMember(member.memberId)}
          className="rounded px-1 text-xs text-red-700 underline-offset-2 hover:underline dark:text-red-300"
        >
          Remove {member.name}
        </button>
      </>
    );

  return (
    <section
      aria-label="People in this shared room"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-1 text-sm dark:border-slate-800"
    >
      <span data-shared-status={shared.status} className="font-medium">
        {shared.joining ? 'Joining…' : STATUS_WORDS[shared.status]}
      </span>
      {shared.problem && <span role="alert">{shared.problem}</span>}
      <ul className="flex flex-wrap items-center gap-2">
        {shared.members
          .filter((member) => !member.removed)
          .map((member) => (
            <li key={member.memberId} data-member={member.name} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className={`inline-block h-2 w-2 rounded-full ${online.has(member.memberId) ? 'bg-emerald-500' : 'bg-slate-400'}`}
              />
              <span>
                {member.name}
                {member.memberId === shared.me.memberId ? ' (you)' : ''}
              </span>
              <span className="text-xs text-slate-600 dark:text-slate-300">
                {member.role}
                {online.has(member.memberId) ? ', online' : ', away'}
              </span>
              {controls(member)}
            </li>
          ))}
      </ul>
      {typing.length > 0 && (
        <span aria-live="polite" className="text-xs text-slate-600 dark:text-slate-300">
          {typing.join(', ')} {typing.length === 1 ? 'is' : 'are'} typing…
        </span>
      )}
    </section>
  );
}
