import type { Ref } from 'react';
import type { MentionSpan } from '../../store/index.ts';
import { segmentText } from './mention-query.ts';

const MARK_STYLE: Record<MentionSpan['kind'], string> = {
  peer: 'bg-indigo-200/80 dark:bg-indigo-700/70',
  all: 'bg-emerald-200/80 dark:bg-emerald-700/70',
  human: 'bg-slate-200 dark:bg-slate-700',
};

/**
 * Sits behind the transparent textarea with the same box and font, drawing a highlight under each resolved
 * mention. Its text is invisible: the textarea shows the text, this only shows where the mentions are.
 */
export function MentionBackdrop({
  ref,
  text,
  spans,
  className,
}: {
  ref: Ref<HTMLDivElement>;
  text: string;
  spans: readonly MentionSpan[];
  className: string;
}) {
  {
    return (
      <div
        ref={ref}
        aria-hidden="true"
        className={`${className} pointer-events-none absolute inset-0 overflow-hidden text-transparent`}
      >
        {segmentText(text, spans).map((segment, index) =>
          segment.span ? (
            <mark
              key={index}
              data-mention={segment.span.kind}
              data-ignored={segment.span.ignored}
              className={`rounded-sm text-transparent ${segment.span.ignored ? 'bg-amber-200/80 line-through dark:bg-amber-700/60' : MARK_STYLE[segment.span.kind]}`}
            >
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
        {/* A trailing newline needs a character after it to take up its line. */}
        {'\u200b'}
      </div>
    );
  }
}
