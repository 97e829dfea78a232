import { memo, useContext, useEffect, useSyncExternalStore } from 'react';
import { FormattingContext } from './formatting.ts';
import type LoadedMarkdownBody from './MarkdownBody.tsx';

/** The markdown renderer and its parser, kept out of the first page load; loaded once, shared by every message. */
type MarkdownBodyComponent = typeof LoadedMarkdownBody;

let markdownBody: MarkdownBodyComponent | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

/**
 * Resolves once the page has drawn its next frame and is idle (or 250 ms later at most): the renderer's chunk is
 * large, and evaluating it before the first frame would hold up showing the conversation and the first key press.
 */
function afterFrameWhenIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 250 })
        : setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(idle);
    else idle();
  });
}

/**
 * Starts loading the renderer (once), after the first frame; messages shown meanwhile are plain text and switch when
 * it is in. Resolves when it is in (or could not be loaded: the messages then stay plain text).
 */
export function preloadMarkdown(): Promise<void> {
  loading ??= afterFrameWhenIdle()
    .then(() => import('./MarkdownBody.tsx'))
    .then(
      (module) => {
        markdownBody = module.default;
        for (const notify of waiting) notify();
      },
      (error: unknown) => {
        loading = null; // the next message to render tries again
        console.error('PeerChat could not load its Markdown renderer; messages show as plain text.', error);
      },
    );
  return loading;
}

/** True once the renderer has loaded. */
export function markdownLoaded(): boolean {
  return markdownBody !== null;
}

function subscribe(notify: () => void): () => void {
  waiting.add(notify);
  return () => waiting.delete(notify);
}

/**
 * A message body. Until the renderer has loaded (a moment after start-up), the text shows as plain text, which
 * React escapes like any other string; see MarkdownBody for how untrusted markdown is made safe. Once it is loaded,
 * messages render as markdown straight away (no Suspense: its fallback would be held back for a while on each
 * swap, and a message would show twice).
 */
export const SafeMarkdown = memo(function SafeMarkdown({ text }: { text: string }) {
  const MarkdownBody = useSyncExternalStore(subscribe, () => markdownBody);
  const formatting = useContext(FormattingContext);
  useEffect(() => {
    if (!MarkdownBody) preloadMarkdown();
  }, [MarkdownBody]);
  return (
    <div className="markdown">
      {MarkdownBody && formatting ? <MarkdownBody text={text} /> : <p className="whitespace-pre-wrap">{text}</p>}
    </div>
  );
});
