import { useId, useState } from 'react';
import type { Result, ConversationSummary } from '../../store/index.ts';
import { useRefocus } from '../common/use-refocus.ts';
import { formatRelativeTime } from '../format/relative-time.ts';
import { useLibraryActions } from '../state/library-store.tsx';
import { RenameConversation } from './RenameConversation.tsx';

const ACTION =
  'rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-700';

/** One conversation: open it (named by its title, with when it last changed), rename, duplicate or delete it. */
export function ConversationItem({
  summary,
  current,
  now,
  onOpened,
}: {
  summary: ConversationSummary;
  current: boolean;
  now: number;
  onOpened: (result: Result) => void;
}) {
  const { open, duplicate, remove } = useLibraryActions();
  const [renaming, setRenaming] = useState(false);
  const [renameButtonRef, refocusRename] = useRefocus<HTMLButtonElement>();
  const titleId = useId();
  const timeId = useId();
  const { id, title } = summary;

  if (renaming) {
    return (
      <li>
        <RenameConversation
          summary={summary}
          onDone={() => {
            refocusRename();
            setRenaming(false);
          }}
        />
      </li>
    );
  }

  return (
    <li
      className={`group flex flex-col rounded-md px-2 py-1.5 ${current ? 'bg-indigo-50 dark:bg-indigo-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}
    >
      <button
        type="button"
        aria-current={current ? 'page' : undefined}
        aria-labelledby={titleId}
        aria-describedby={timeId}
        onClick={() => void open(id).then(onOpened)}
        className="flex min-w-0 flex-col items-start text-left"
      >
        <span id={titleId} className={`w-full truncate text-sm ${current ? 'font-semibold' : ''}`}>
          {title}
        </span>
        <span id={timeId} className="text-xs text-slate-600 dark:text-slate-300">
          {formatRelativeTime(summary.updatedAt, now)}
        </span>
      </button>
      <div className="mt-0.5 flex gap-1">
        <button
          ref={renameButtonRef}
          type="button"
          aria-label={`Rename ${title}`}
          onClick={() => setRenaming(true)}
          className={ACTION}
        >
          Rename
        </button>
        <button type="button" aria-label={`Duplicate ${title}`} onClick={() => void duplicate(id)} className={ACTION}>
          Duplicate
        </button>
        <button
          type="button"
          aria-label={`Delete ${title}`}
          onClick={() => void remove(id)}
          className={`${ACTION} text-red-700 dark:text-red-300`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
