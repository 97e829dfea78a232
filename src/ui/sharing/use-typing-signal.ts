import { useCallback, useEffect, useRef } from 'react';
import { useRoomActions } from '../state/room-store.tsx';

/** How long after the last keystroke a member stops showing as typing. */
const TYPING_SHOWN_MS = 2_500;

/** A function to call on each keystroke in the composer: the others see "… is typing" until the keys stop. */
export function useTypingSignal(): (typing: boolean) => void {
  const { setTyping } = useRoomActions();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const shown = useRef(false);

  const stop = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (shown.current) setTyping(false);
    shown.current = false;
  }, [setTyping]);

  useEffect(() => stop, [stop]);

  return useCallback(
    (typing: boolean) => {
      if (!typing) return stop();
      if (!shown.current) setTyping(true);
      shown.current = true;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(stop, TYPING_SHOWN_MS);
    },
    [setTyping, stop],
  );
}
