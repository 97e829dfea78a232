import { useEffect, useRef, useState } from 'react';
import { COMPOSER_ID, Composer } from '../composer/Composer';
import { NoticeBar } from '../controls/NoticeBar';
import { PeerBar } from '../controls/PeerBar';
import { RoundControls } from '../controls/RoundControls';
import { Transcript } from '../transcript/Transcript';
import { Header } from './Header';
import { SidePanel } from './SidePanel';

/** Matches the `md` breakpoint, where the side panels become a column. */
const WIDE_SCREEN = '(min-width: 768px)';

/** The page: header; the conversation with the round controls, the peers and the composer; the side panels. */
export function AppShell() {
  const [panelsOpen, setPanelsOpen] = useState(false);
  const panelsButtonRef = useRef<HTMLButtonElement>(null);
  const refocusToggle = useRef(false);
  const closePanels = () => {
    refocusToggle.current = true;
    setPanelsOpen(false);
  };
  // Focus goes back to "Panels" once the header is no longer inert (after the drawer has closed).
  useEffect(() => {
    if (panelsOpen || !refocusToggle.current) return;
    refocusToggle.current = false;
    panelsButtonRef.current?.focus();
  }, [panelsOpen]);
  // The drawer exists only on narrow screens: widening the window closes it (and frees the page behind it).
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const wide = matchMedia(WIDE_SCREEN);
    const close = () => {
      if (wide.matches) setPanelsOpen(false);
    };
    wide.addEventListener('change', close);
    return () => wide.removeEventListener('change', close);
  }, []);
  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href={`#${COMPOSER_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-1 focus:text-white"
      >
        Skip to the message box
      </a>
      <Header
        inert={panelsOpen}
        panelsOpen={panelsOpen}
        onTogglePanels={() => (panelsOpen ? closePanels() : setPanelsOpen(true))}
        panelsButtonRef={panelsButtonRef}
      />
      <div className="flex min-h-0 flex-1">
        {/* While the drawer covers the page, what is behind it takes no focus and no clicks. */}
        <main inert={panelsOpen} className="flex min-w-0 flex-1 flex-col">
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
