import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useLayoutEffect, useRef } from 'react';
import { FormattingContext } from '../markdown/formatting.ts';
import { useRoomStore } from '../state/room-store.tsx';
import { MessageView } from './MessageView.tsx';

/** Rows rendered when the scroll box has no size yet (first paint, or a DOM without layout such as jsdom). */
export const FALLBACK_ROWS = 40;
const ESTIMATED_ROW_PX = 120;

/**
 * The transcript, virtualized: only the rows in view are in the DOM, measured as they render, so 10,000 messages
 * open fast. It subscribes to the list of ids only; each row subscribes to its own message. The view stays pinned
 * to the newest message while peers stream, unless the reader has scrolled up.
 */
export function TranscriptList() {
  const ids = useRoomStore((state) => state.messageIds);
  // A conversation just opened shows as plain text first; its markdown follows in an interruptible background
  // render (the deferred id catches up), so opening it never waits on the parser and typing is never held up.
  const conversationId = useRoomStore((state) => state.conversationId);
  const formatting = useDeferredValue(conversationId) === conversationId;
  const busy = useRoomStore((state) => state.roundActive);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable while the ids are: a new key function makes the virtualizer re-measure all 10,000 rows on every render.
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  // The virtualizer is a mutable instance by design (it re-renders this component itself); nothing here is memoized
  // on it, so the compiler's caution does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
  });
  const hasViewport = (virtualizer.scrollRect?.height ?? 0) > 0;

  useLayoutEffect(() => {
    if (hasViewport) virtualizer.scrollToEnd();
  }, [hasViewport, virtualizer]);

  const atEnd = !hasViewport || virtualizer.isAtEnd();
  const fallbackStart = Math.max(0, ids.length - FALLBACK_ROWS);

  return (
    <FormattingContext value={formatting}>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={scrollRef}
          role="feed"
          aria-label="Transcript"
          aria-busy={busy}
          tabIndex={0}
          className="min-h-0 flex-1 overflow-y-auto overscroll-contain py-2"
        >
          {ids.length === 0 ? (
            <EmptyTranscript />
          ) : hasViewport ? (
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="absolute top-0 left-0 w-full pb-2"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <MessageView id={ids[item.index]!} position={item.index + 1} />
                </div>
              ))}
            </div>
          ) : (
            ids.slice(fallbackStart).map((id, offset) => (
              <div key={id} className="pb-2">
                <MessageView id={id} position={fallbackStart + offset + 1} />
              </div>
            ))
          )}
        </div>
        {!atEnd && (
          <button
            type="button"
            onClick={() => virtualizer.scrollToEnd({ behavior: 'smooth' })}
            className="absolute right-4 bottom-3 rounded-full bg-indigo-600 px-3 py-1 text-sm text-white shadow hover:bg-indigo-700"
          >
            Jump to latest
          </button>
        )}
      </div>
    </FormattingContext>
  );
}

function EmptyTranscript() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-1 p-6 text-center">
      <p className="font-medium">No messages yet.</p>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Write below. Start with @handle to ask one peer, @all to ask everyone, or nobody and the room decides.
      </p>
    </div>
  );
}
