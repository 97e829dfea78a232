import { createContext, useCallback, useContext } from 'react';

/** A control on a message: its "Edit message" button or its version switches. */
export type MessageControl = 'edit' | 'previous' | 'next';

/**
 * Where focus goes once a message that replaced another has rendered. Editing a message or switching its version
 * swaps the message for another one, and the control the user pressed goes with the old one; this names the
 * control on the new message that takes focus instead.
 */
export interface PendingFocus {
  request(messageId: string, control: MessageControl): void;
  /** True once, for the control that was asked for. */
  claim(messageId: string, control: MessageControl): boolean;
}

export function createPendingFocus(): PendingFocus {
  let wanted: { messageId: string; control: MessageControl } | null = null;
  return {
    request(messageId, control) {
      wanted = { messageId, control };
    },
    claim(messageId, control) {
      if (wanted?.messageId !== messageId || wanted.control !== control) return false;
      wanted = null;
      return true;
    },
  };
}

/** The Transcript provides one per transcript. */
export const PendingFocusContext = createContext<PendingFocus>(createPendingFocus());

/** Asks for `control` on message `messageId` to take focus when it renders. */
export function useFocusLater(): PendingFocus['request'] {
  return useContext(PendingFocusContext).request;
}

/** A callback ref for `control` of message `messageId` that takes focus if it was asked for. */
export function useFocusWhenPending(messageId: string, control: MessageControl) {
  const pending = useContext(PendingFocusContext);
  return useCallback(
    (element: HTMLElement | null) => {
      if (element && pending.claim(messageId, control)) element.focus();
    },
    [pending, messageId, control],
  );
}
