import { useEffect, useState } from 'react';
import { loadDemoScripts, type DemoScript } from '../../store/index.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/**
 * One-click prompts for a room of demo peers: each plays a short hand-written script that shows one mechanic (a
 * mention, a hand-over, a challenge, DAP, a loop guard), run by the real arbiter, so Stop and Mute work as ever.
 */
export function SuggestedPrompts() {
  const demoRoom = useRoomStore(
    (state) => state.peers.length > 0 && state.peers.every((peer) => peer.provider === 'demo'),
  );
  const { send, setMode } = useRoomActions();
  const [scripts, setScripts] = useState<readonly DemoScript[]>([]);
  useEffect(() => {
    if (!demoRoom) return;
    let live = true;
    loadDemoScripts().then(
      (loaded) => live && setScripts(loaded),
      () => {}, // the chips are a shortcut: without them the room works as ever
    );
    return () => {
      live = false;
    };
  }, [demoRoom]);
  if (!demoRoom || scripts.length === 0) return null;
  const play = (script: DemoScript) => {
    setMode(script.mode);
    send(script.prompt, { council: null });
  };
  return (
    <div className="mt-3 flex flex-col items-center gap-2">
      <p className="text-sm font-medium">Or try one:</p>
      <ul aria-label="Suggested prompts" className="flex max-w-xl flex-wrap justify-center gap-2">
        {scripts.map((script) => (
          <li key={script.id}>
            <button
              type="button"
              title={script.shows}
              onClick={() => play(script)}
              className="rounded-full border border-indigo-300 px-3 py-1 text-sm text-indigo-800 hover:bg-indigo-50 dark:border-indigo-700 dark:text-indigo-200 dark:hover:bg-indigo-950"
            >
              {script.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
