import { useEffect, useState } from 'react';
import { COMPOSER_ID } from '../composer/Composer.tsx';
import { useLibrary, useLibraryActions } from '../state/library-store.tsx';
import { useRoomActions, useRoomStoreApi } from '../state/room-store.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { isTypingTarget, neighbourOf, shortcutFor, type ShortcutAction } from './shortcuts.ts';

/** Listens for the app's keyboard shortcuts (shortcuts.ts) and carries them out; "?" opens their help sheet. */
export function Shortcuts({ toggle }: { toggle: (panel: 'conversations' | 'panels') => void }) {
  const room = useRoomStoreApi();
  const { stopAll } = useRoomActions();
  const library = useLibraryActions();
  const conversations = useLibrary((state) => state.conversations);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const run = (action: ShortcutAction) => {
      const openId = room.getState().conversationId;
      const ids = conversations.map((conversation) => conversation.id);
      switch (action) {
        case 'focus-composer':
          return document.getElementById(COMPOSER_ID)?.focus();
        case 'stop-all':
          return stopAll();
        case 'new-conversation':
          return void library.newConversation();
        case 'next-conversation':
        case 'previous-conversation': {
          const next = neighbourOf(ids, openId, action === 'next-conversation' ? 1 : -1);
          return void (next && library.open(next));
        }
        case 'toggle-conversations':
          return toggle('conversations');
        case 'toggle-panels':
          return toggle('panels');
        case 'help':
          return setHelp(true);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = room.getState();
      const action = shortcutFor(event, {
        typing: isTypingTarget(event.target),
        streaming: state.roundActive || state.streamingPeerIds.length > 0,
      });
      if (action === null || (help && action !== 'help')) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [room, stopAll, library, conversations, toggle, help]);

  return <ShortcutHelp open={help} onClose={() => setHelp(false)} />;
}
