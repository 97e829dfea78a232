import { useMemo, useState } from 'react';
import { createSpendSelector, messageSpend } from '../../store/index.ts';
import type { ConversationSpend, MessageSpend, TranscriptMessage } from '../../store/index.ts';
import { useRoomStore } from '../state/room-store.tsx';

/** A peer message's tokens and cost, live while it streams (an estimate until the provider's usage arrives). */
export function useMessageSpend(message: TranscriptMessage): MessageSpend | null {
  const seat = useRoomStore((state) => state.peers.find((peer) => peer.id === message.authorId));
  const overrides = useRoomStore((state) => state.modelOverrides);
  const liveInput = useRoomStore((state) => state.liveInputTokens[message.id]);
  return useMemo(() => messageSpend(message, seat, overrides, liveInput), [message, seat, overrides, liveInput]);
}

/** What the whole conversation has cost so far, per peer and per round, live. */
export function useConversationSpend(): ConversationSpend {
  const [select] = useState(createSpendSelector);
  return useRoomStore(select);
}
