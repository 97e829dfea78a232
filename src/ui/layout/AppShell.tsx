import { COMPOSER_ID, Composer } from '../composer/Composer.tsx';
import { ConversationsSidebar } from '../conversations/ConversationsSidebar.tsx';
import { NoticeBar } from '../controls/NoticeBar.tsx';
import { PeerBar } from '../controls/PeerBar.tsx';
import { ReadOnlyBanner } from '../controls/ReadOnlyBanner.tsx';
import { RoundControls } from '../controls/RoundControls.tsx';
import { SharedRoomBar } from '../sharing/SharedRoomBar.tsx';
import { SharedRoomLink } from '../sharing/SharedRoomLink.tsx';
import { Transcript } from '../transcript/Transcript.tsx';
import { Drawer } from './Drawer.tsx';
import { DrawerToggle } from './DrawerToggle.tsx';
import { useDrawers } from './drawers.ts';
import { Header } from './Header.tsx';
import { Shortcuts } from './Shortcuts.tsx';
import { SIDE_PANEL_ID, SidePanel } from './SidePanel.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

const CONVERSATIONS_ID = 'conversations';

/**
 * The page: header; the conversations on the left; the conversation with the round controls, the peers and the
 * composer; the side panels on the right. Below 768px both side columns are drawers.
 */
export function AppShell() {
  const drawers = useDrawers<'conversations' | 'panels'>();
  const covered = drawers.open !== null;
  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href={`#${COMPOSER_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-1 focus:text-white"
      >
        Skip to the message box
      </a>
      <UpdatePrompt />
      <Header
        inert={covered}
        start={
          <DrawerToggle
            label="Conversations"
            drawerId={CONVERSATIONS_ID}
            expanded={drawers.open === 'conversations'}
            onClick={() => drawers.toggleHere('conversations')}
            buttonRef={drawers.toggleRef('conversations')}
            hiddenWide={drawers.hiddenWide('conversations')}
          />
        }
        end={
          <DrawerToggle
            label="Panels"
            drawerId={SIDE_PANEL_ID}
            expanded={drawers.open === 'panels'}
            onClick={() => drawers.toggleHere('panels')}
            buttonRef={drawers.toggleRef('panels')}
            hiddenWide={drawers.hiddenWide('panels')}
          />
        }
      />
      <div className="flex min-h-0 flex-1">
        <Drawer
          id={CONVERSATIONS_ID}
          label="Conversations"
          side="left"
          landmark={false}
          open={drawers.open === 'conversations'}
          onClose={drawers.close}
          closeLabel="Close conversations"
          hiddenWide={drawers.hiddenWide('conversations')}
        >
          <ConversationsSidebar onNavigate={() => drawers.open === 'conversations' && drawers.close()} />
        </Drawer>
        {/* While a drawer covers the page, what is behind it takes no focus and no clicks. */}
        <main inert={covered} className="flex min-w-0 flex-1 flex-col">
          <SharedRoomBar />
          <ReadOnlyBanner />
          <NoticeBar />
          <Transcript />
          <div className="border-t border-slate-200 dark:border-slate-800">
            <RoundControls />
            <PeerBar />
          </div>
          <Composer />
        </main>
        <SidePanel open={drawers.open === 'panels'} onClose={drawers.close} hiddenWide={drawers.hiddenWide('panels')} />
      </div>
      <SharedRoomLink />
      <Shortcuts toggle={drawers.toggleHere} />
    </div>
  );
}
