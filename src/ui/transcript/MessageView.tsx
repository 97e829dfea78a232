import { memo, useContext, useId, useState } from 'react';
import type { TranscriptMessage } from '../../store/index.ts';
import { MessageAttachments } from '../attachments/AttachmentChip.tsx';
import { SafeMarkdown } from '../markdown/SafeMarkdown.tsx';
import { useRoomStore } from '../state/room-store.tsx';
import { CouncilCard } from './CouncilCard.tsx';
import { EditMessage } from './EditMessage.tsx';
import { MessageFooter } from './MessageFooter.tsx';
import { MessageHeader } from './MessageHeader.tsx';
import { MessageNotes } from './MessageNotes.tsx';
import { ReasoningSection } from './ReasoningSection.tsx';
import { authorOf } from './message-view-model.ts';
import { useFocusLater } from './pending-focus.ts';
import { ShowPassesContext } from './show-passes.ts';

/**
 * One transcript message. It subscribes to its own entry only, so a streamed token re-renders this message and
 * nothing else; finished messages stay memoized.
 */
export const MessageView = memo(function MessageView({ id, position }: { id: string; position?: number }) {
  const message = useRoomStore((state) => state.messages[id]);
  const showPasses = useContext(ShowPassesContext);
  if (!message) return <NotReadYet />;
  if (message.status === 'passed' && !showPasses) return null;
  return <MessageArticle message={message} position={position} />;
});

/** A message of a stored conversation that is still being read (the newest ones come first). */
function NotReadYet() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-3 text-sm text-slate-400 dark:text-slate-500">
      Reading from storage…
    </div>
  );
}

function MessageArticle({ message, position }: { message: TranscriptMessage; position: number | undefined }) {
  const author = useRoomStore((state) => authorOf(state, message));
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const focusLater = useFocusLater();
  const passed = message.status === 'passed';
  const mine = message.kind === 'human';
  return (
    <article
      data-author={author.handle}
      data-status={message.status}
      data-reason={message.reason?.kind}
      aria-labelledby={headingId}
      aria-posinset={position}
      aria-setsize={position === undefined ? undefined : -1}
      className={[
        'mx-auto w-full max-w-3xl border-l-4 px-4 py-3',
        mine ? 'bg-slate-50 dark:bg-slate-900/60' : '',
        passed ? 'opacity-60' : '',
      ].join(' ')}
      style={{ borderLeftColor: author.colour ?? 'transparent' }}
    >
      <MessageHeader message={message} author={author} headingId={headingId} />
      {editing ? (
        <EditMessage
          message={message}
          onCancel={() => {
            focusLater(message.id, 'edit');
            setEditing(false);
          }}
        />
      ) : message.council ? (
        <CouncilCard note={message.council} />
      ) : passed ? (
        <p className="text-sm text-slate-500 italic dark:text-slate-400">Passed: nothing new to add.</p>
      ) : (
        <>
          <ReasoningSection message={message} />
          <div data-part="answer" className="mt-1 break-words">
            {message.text === '' && message.status === 'streaming' ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">…</p>
            ) : (
              <SafeMarkdown text={message.text} />
            )}
          </div>
        </>
      )}
      <MessageAttachments files={message.attachments} />
      <MessageNotes message={message} />
      {!editing && <MessageFooter message={message} onEdit={() => setEditing(true)} />}
    </article>
  );
}
