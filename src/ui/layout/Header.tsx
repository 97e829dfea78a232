import type { Ref } from 'react';
import { ModeControl } from '../controls/ModeControl';
import { ImportRoom } from '../roomfile/ImportRoom';
import { useRoomStore } from '../state/room-store';
import { SIDE_PANEL_ID } from './SidePanel';
import { ThemeToggle } from './ThemeToggle';

/** App name and room, the mode, and the room-wide buttons; on small screens also the button that opens the panels. */
export function Header({
  inert,
  panelsOpen,
  onTogglePanels,
  panelsButtonRef,
}: {
  inert: boolean;
  panelsOpen: boolean;
  onTogglePanels: () => void;
  panelsButtonRef: Ref<HTMLButtonElement>;
}) {
  const roomName = useRoomStore((state) => state.name);
  return (
    <header
      inert={inert}
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800"
    >
      <div className="flex min-w-0 items-baseline gap-2">
        <h1 className="text-lg font-semibold">PeerChat</h1>
        <span className="truncate text-sm text-slate-500 dark:text-slate-400" title={roomName}>
          {roomName}
        </span>
      </div>
      <ModeControl />
      <div className="ml-auto flex items-center gap-2">
        <ImportRoom />
        <ThemeToggle />
        <button
          ref={panelsButtonRef}
          type="button"
          aria-expanded={panelsOpen}
          aria-controls={SIDE_PANEL_ID}
          onClick={onTogglePanels}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm md:hidden dark:border-slate-700"
        >
          Panels
        </button>
      </div>
    </header>
  );
}
