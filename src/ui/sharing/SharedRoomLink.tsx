import { useEffect, useRef, useState } from 'react';
import { addressFromFragment, inviteFragment, rememberedMember } from '../../store/index.ts';
import type { SharedRoomAddress } from '../../store/index.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { JoinRoom } from './JoinRoom.tsx';

/**
 * The page's address and the shared room agree: an invite link opens the join dialog (or, for a member this
 * device remembers, rejoins at once, as after a reload), and a shared room's address carries its invite so that a
 * reload comes back to it.
 */
export function SharedRoomLink() {
  const { rejoinSharedRoom } = useRoomActions();
  const session = useRoomStore((state) => state.sharedSession);
  // The page's own invite, for a person this device has not joined as yet.
  const [invited, setInvited] = useState<SharedRoomAddress | null>(() => {
    const address = addressFromFragment(window.location.hash);
    return address && rememberedMember(window.localStorage, address.roomId) === null ? address : null;
  });

  useEffect(() => {
    const address = addressFromFragment(window.location.hash);
    const identity = address && rememberedMember(window.localStorage, address.roomId);
    if (address && identity) void rejoinSharedRoom({ address, identity });
  }, [rejoinSharedRoom]);

  const wasShared = useRef(false);
  useEffect(() => {
    if (session !== null) {
      wasShared.current = true;
      const fragment = `#${inviteFragment(session.address)}`;
      if (window.location.hash !== fragment) window.history.replaceState(null, '', fragment);
    } else if (wasShared.current) {
      // Left the room (another conversation opened): the address no longer points to it.
      wasShared.current = false;
      window.history.replaceState(null, '', window.location.pathname);
    }
  }, [session]);

  return invited && <JoinRoom address={invited} onDone={() => setInvited(null)} />;
}
