/** Renders components over a fresh facilitator store with scripted adapters (for component tests). */
import { act, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { PeerAdapter } from '../adapters/types.ts';
import { createFacilitatorStore } from '../store/index.ts';
import type { RoomData, TranscriptMessage } from '../store/index.ts';
import { scriptedAdapters, settle, testDeps, testRoom, type ScriptedReply } from '../store/testing.ts';
import { RoomStoreProvider } from './state/room-store';

export function renderWithRoom(
  ui: ReactElement,
  {
    script = {},
    room = testRoom(),
    wrapAdapter = (adapter) => adapter,
  }: {
    script?: Record<string, ScriptedReply[]>;
    room?: RoomData;
    /** Changes what the scripted adapter does, e.g. to make `listModels` fail. */
    wrapAdapter?: (adapter: PeerAdapter) => PeerAdapter;
  } = {},
) {
  const adapters = scriptedAdapters(script);
  const store = createFacilitatorStore(testDeps((settings) => wrapAdapter(adapters.adapterFor(settings)), room));
  const user = userEvent.setup();
  const view: RenderResult = render(<RoomStoreProvider store={store}>{ui}</RoomStoreProvider>);
  /** Waits until the round is over and no message streams. */
  const done = () =>
    act(() =>
      settle(
        () =>
          store.getState().roundActive ||
          Object.values(store.getState().messages).some((message) => message.status === 'streaming'),
      ),
    );
  return { ...view, store, adapters, user, done };
}

/** A finished human message, for seeding a transcript directly. */
export function humanMessage(id: string, text: string): TranscriptMessage {
  return { id, kind: 'human', authorId: 'human', text, status: 'complete', modeId: 'collaborative', createdAt: 0 };
}

/** A peer message (authorId is a `testRoom` seat id such as `id-claude`). */
export function peerMessage(id: string, authorId: string, patch: Partial<TranscriptMessage> = {}): TranscriptMessage {
  return {
    id,
    kind: 'peer',
    authorId,
    text: `reply ${id}`,
    status: 'complete',
    modeId: 'collaborative',
    reason: { kind: 'human-forced' },
    createdAt: 0,
    ...patch,
  };
}
