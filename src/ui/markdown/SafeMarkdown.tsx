import { lazy, memo, Suspense } from 'react';

/** The markdown renderer and its parser load after the first paint, keeping them out of the first page load. */
const MarkdownBody = lazy(() => import('./MarkdownBody.tsx'));

/**
 * A message body. Until the renderer has loaded (a moment after start-up), the text shows as plain text, which
 * React escapes like any other string; see MarkdownBody for how untrusted markdown is made safe.
 */
export const SafeMarkdown = memo(function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Suspense fallback={<p className="whitespace-pre-wrap">{text}</p>}>
        <MarkdownBody text={text} />
      </Suspense>
    </div>
  );
});

/** Starts loading the renderer without waiting for a message that needs it. */
export function preloadMarkdown(): void {
  void import('./MarkdownBody.tsx');
}
