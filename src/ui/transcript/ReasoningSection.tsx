import { useState } from 'react';
import type { TranscriptMessage } from '../../store/index.ts';
import { reasoningFigures, REDACTED_REASONING_NOTE } from '../../store/index.ts';
import { SafeMarkdown } from '../markdown/SafeMarkdown.tsx';

/**
 * A peer's reasoning, collapsed under "Reasoning" with its token count and duration. The text is untrusted model
 * output like the answer, so it goes through the same safe Markdown; it is rendered only while open, and streams
 * live then.
 */
export function ReasoningSection({ message }: { message: TranscriptMessage }) {
  const [open, setOpen] = useState(false);
  const reasoning = message.reasoning;
  if (!reasoning) return null;
  const streaming = message.status === 'streaming';
  const figures = reasoningFigures(reasoning);
  return (
    <details
      data-part="reasoning"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="mt-1 rounded border border-slate-200 px-2 py-1 dark:border-slate-800"
    >
      <summary className="cursor-pointer text-sm text-slate-600 select-none dark:text-slate-400">
        {streaming ? 'Reasoning…' : 'Reasoning'}
        {figures !== '' && <span className="ml-2 text-xs text-slate-500 tabular-nums">{figures}</span>}
      </summary>
      {open && (
        <div className="mt-1 text-sm break-words text-slate-700 dark:text-slate-300">
          {reasoning.text !== '' && <SafeMarkdown text={reasoning.text} />}
          {reasoning.redacted === true && (
            <p className="text-slate-500 italic dark:text-slate-400">{REDACTED_REASONING_NOTE}</p>
          )}
        </div>
      )}
    </details>
  );
}
