import { useRef, useState } from 'react';
import { COMPOSER_ID, Composer } from '../composer/Composer';
import { NoticeBar } from '../controls/NoticeBar';
import { PeerBar } from '../controls/PeerBar';
import { RoundControls } from '../controls/RoundControls';
import { Transcript } from '../transcript/Transcript';
import { Header } from './Header';
import { SidePanel } from './SidePanel';

/** The page: header; the conversation with the round controls, the peers and the composer; the side panels. */
export function AppShell() {
  const [panelsOpen, setPanelsOpen] = useState(false);
  const panelsButtonRef = useRef<HTMLButtonElement>(null);
  const closePanels = () => {
    setPanelsOpen(false);
    panelsButtonRef.current?.focus();
  };
  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href={`#${COMPOSER_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-1 focus:text-white"
      >
        Skip to the message box
      </a>
      <Header
        panelsOpen={panelsOpen}
        onTogglePanels={() => (panelsOpen ? closePanels() : setPanelsOpen(true))}
        panelsButtonRef={panelsButtonRef}
      />
      <div className="flex min-h-0 flex-1">
        <main className="flex min-w-0 flex-1 flex-col">
          <NoticeBar />
          <Transcript />
          <div className="border-t border-slate-200 dark:border-slate-800">
            <RoundControls />
            <PeerBar />
          </div>
          <Composer />
        </main>
        <SidePanel open={panelsOpen} onClose={closePanels} />
      </div>
    </div>
  );
}
