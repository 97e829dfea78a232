import { useVirtualizer } from '@tanstack/react-virtual';
import { startTransition, useCallback, useDeferredValue, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FormattingContext } from '../markdown/formatting.ts';
import { markdownLoaded, preloadMarkdown } from '../markdown/SafeMarkdown.tsx';
import { useRoomStore } from '../state/room-store.tsx';
import { MessageView } from './MessageView.tsx';
import { SuggestedPrompts } from './SuggestedPrompts.tsx';

/**
 * Rows rendered when the scroll box has no size yet (the first render, or a DOM without layout such as jsdom): about
 * what the virtual list then shows of a conversation's end in a tall window, with its overscan.
 */
export const FALLBACK_ROWS = 16;
const ESTIMATED_ROW_PX = 120;
/**
 * How many of the newest messages the list holds when a conversation opens, and how many older ones join it each
 * time the reader scrolls near its top. The virtual list's own work (sizes, offsets, the total height) grows with
 * the rows it holds, so opening costs the same for 100 messages or 100,000; scrolling back adds the older ones in
 * steps, keeping the reader's place.
 */
export const FIRST_WINDOW = 200;
export const OLDER_STEP = 1_000;
/** Older messages join the list when the view is within this many screens of its top. */
const NEAR_TOP_SCREENS = 3;

/**
 * The transcript, virtualized: only the rows in view are in the DOM, measured as they render, and the list holds the
 * newest messages first (FIRST_WINDOW), older ones joining as the reader scrolls up, so a conversation of any length
 * opens fast. It subscribes to the list of ids only; each row subscribes to its own message. The view stays pinned
 * to the newest message while peers stream, unless the reader has scrolled up.
 */
export function TranscriptList() {
  const ids = useRoomStore((state) => state.messageIds);
  // A conversation just opened shows as plain text first; its markdown follows in an interruptible background
  // render (the deferred id catches up), so opening it never waits on the parser and typing is never held up.
  const conversationId = useRoomStore((state) => state.conversationId);
  const rendererLoaded = useRendererLoaded(ids.length > 0);
  const formatting = useDeferredValue(conversationId) === conversationId && rendererLoaded;
  const busy = useRoomStore((state) => state.roundActive);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, toEnd, showOlder, atEndShown } = useWindow(conversationId, ids.length);
  const count = ids.length - start;
  // Stable while the ids are: a new key function makes the virtualizer re-measure all of its rows on every render.
  const getItemKey = useCallback((index: number) => ids[start + index] ?? index, [ids, start]);
  // The virtualizer is a mutable instance by design (it re-renders this component itself); nothing here is memoized
  // on it, so the compiler's caution does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey,
    overscan: 6,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
  });
  const viewportPx = virtualizer.scrollRect?.height ?? 0;
  const hasViewport = viewportPx > 0;
  // A conversation just opened shows its end. The virtualizer scrolls there once this render is committed; its range
  // is computed there already, so the rows rendered first are the newest, not the oldest the list holds.
  if (toEnd && hasViewport) virtualizer.scrollOffset = Math.max(0, virtualizer.getTotalSize() - viewportPx);

  useLayoutEffect(() => {
    if (hasViewport) virtualizer.scrollToEnd();
  }, [hasViewport, virtualizer]);
  useLayoutEffect(() => {
    if (!toEnd || !hasViewport) return;
    virtualizer.scrollToEnd();
    atEndShown();
  }, [toEnd, hasViewport, virtualizer, atEndShown]);

  // The reader scrolls up near the top of what the list holds (or it does not fill the view): older messages join
  // above, and the virtualizer keeps the reader's place. Not on opening, which starts at the end.
  const nearTopPx = NEAR_TOP_SCREENS * viewportPx;
  const nearTop =
    start > 0 &&
    hasViewport &&
    (virtualizer.getTotalSize() < nearTopPx ||
      (virtualizer.scrollDirection === 'backward' && (virtualizer.scrollOffset ?? 0) < nearTopPx));
  useLayoutEffect(() => {
    if (nearTop) showOlder();
  }, [nearTop, showOlder]);

  const atEnd = !hasViewport || virtualizer.isAtEnd();
  // Without a viewport yet (the first render, or a DOM without layout), the newest FALLBACK_ROWS of the list.
  const rows = hasViewport
    ? virtualizer.getVirtualItems()
    : Array.from({ length: Math.min(count, FALLBACK_ROWS) }, (_, offset) => {
        const index = count - Math.min(count, FALLBACK_ROWS) + offset;
        return { key: ids[start + index]!, index, start: 0 };
      });

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
          ) : (
            // The same elements with or without a viewport: the rows of the first render, made before the scroll box
            // is measured, are the ones the virtual list goes on with (it keeps those it needs and positions them).
            <div
              className={hasViewport ? 'relative w-full' : undefined}
              style={hasViewport ? { height: virtualizer.getTotalSize() } : undefined}
            >
              {rows.map((row) => (
                <div
                  key={row.key}
                  data-index={row.index}
                  ref={hasViewport ? virtualizer.measureElement : undefined}
                  className={hasViewport ? 'absolute top-0 left-0 w-full pb-2' : 'pb-2'}
                  style={hasViewport ? { transform: `translateY(${row.start}px)` } : undefined}
                >
                  <MessageView id={ids[start + row.index]!} position={start + row.index + 1} />
                </div>
              ))}
            </div>
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

/**
 * Which of the conversation's messages the list holds: from `start` (FIRST_WINDOW from the end when a conversation
 * opens, earlier by OLDER_STEP each time `showOlder` is called) to the end; messages appended later do not move it.
 * `toEnd` is true from opening a conversation until `atEndShown`: the list is to show its end.
 */
function useWindow(conversationId: string, length: number) {
  const [held, setHeld] = useState(() => opened(conversationId, length));
  let current = held;
  // Another conversation (or a path shorter than where the list started): start again from its newest messages.
  if (held.conversationId !== conversationId || held.start >= Math.max(length, 1)) {
    current = opened(conversationId, length);
    setHeld(current);
  }
  const showOlder = useCallback(
    () => setHeld((shown) => ({ ...shown, start: Math.max(0, shown.start - OLDER_STEP) })),
    [],
  );
  const atEndShown = useCallback(() => setHeld((shown) => (shown.toEnd ? { ...shown, toEnd: false } : shown)), []);
  return { start: current.start, toEnd: current.toEnd, showOlder, atEndShown };
}

function opened(conversationId: string, length: number) {
  return { conversationId, start: firstStart(length), toEnd: length > 0 };
}

/**
 * True once the markdown renderer has loaded, set in a transition: the rows shown meanwhile as text turn into
 * markdown in a background render that input interrupts, not in the blocking update that announces the renderer.
 * The rows themselves ask for it (SafeMarkdown), so this only listens once there are rows.
 */
function useRendererLoaded(hasRows: boolean): boolean {
  const [loaded, setLoaded] = useState(markdownLoaded);
  useEffect(() => {
    if (loaded || !hasRows) return;
    let live = true;
    void preloadMarkdown().then(() => {
      if (live && markdownLoaded()) startTransition(() => setLoaded(true));
    });
    return () => {
      live = false;
    };
  }, [loaded, hasRows]);
  return loaded;
}

function firstStart(length: number): number {
  return Math.max(0, length - FIRST_WINDOW);
}

function EmptyTranscript() {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-1 p-6 text-center">
      <p className="font-medium">No messages yet.</p>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Write below. Start with @handle to ask one peer, @all to ask everyone, or nobody and the room decides.
      </p>
      <SuggestedPrompts />
    </div>
  );
}
