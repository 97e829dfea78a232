import type { ReactNode } from 'react';
import { AddAiButton } from '../add-ai/AddAiButton.tsx';
import { ModeControl } from '../controls/ModeControl.tsx';
import { SpentSoFar } from '../costs/SpentSoFar.tsx';
import { ImportRoom } from '../roomfile/ImportRoom.tsx';
import { ShareRoom } from '../sharing/ShareRoom.tsx';
import { useRoomStore } from '../state/room-store.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

/**
 * App name and the open conversation's title, the mode, and the room-wide buttons; on small screens also the
 * buttons that open the drawers (`start`: before the name, `end`: last).
 */
export function Header({ inert, start, end }: { inert: boolean; start?: ReactNode; end?: ReactNode }) {
  const title = useRoomStore((state) => state.title);
  return (
    <header
      inert={inert}
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800"
    >
      {start}
      <div className="flex min-w-0 items-baseline gap-2">
        <h1 className="text-lg font-semibold">PeerChat</h1>
        <span className="truncate text-sm text-slate-500 dark:text-slate-400" title={title}>
          <span className="sr-only">Conversation: </span>
          {title}
        </span>
      </div>
      <ModeControl />
      <div className="ml-auto flex flex-wrap items-center justify-end gap-2 whitespace-nowrap">
        <AddAiButton />
        <SpentSoFar />
        <ShareRoom />
        <ImportRoom />
        <ThemeToggle />
        {end}
      </div>
    </header>
  );
}
