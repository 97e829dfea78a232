import type { TranscriptMessage } from '../../store/index.ts';
import { costText, tokensText } from '../costs/spend-format.ts';
import { useMessageSpend } from '../costs/use-spend.ts';
import { formatSeconds } from '../format/numbers.ts';
import { useRoomActions } from '../state/room-store.tsx';
import { useFocusWhenPending } from './pending-focus.ts';
import { VersionSwitcher } from './VersionSwitcher.tsx';

const ACTION = 'rounded px-1.5 py-0.5 text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950';

/**
 * Under a message: a peer turn's tokens, cost and time; "Regenerate" on a finished peer message, "Edit message" on
 * the human's; and, once it has finished, its versions if it was edited or regenerated.
 */
export function MessageFooter({ message, onEdit }: { message: TranscriptMessage; onEdit: () => void }) {
  const finished = message.status !== 'streaming';
  return (
    <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 empty:hidden dark:text-slate-400">
      {message.kind === 'peer' && <TurnFacts message={message} />}
      {message.kind === 'peer' && finished && <RegenerateButton messageId={message.id} />}
      {message.kind === 'human' && <EditButton messageId={message.id} onEdit={onEdit} />}
      {finished && <VersionSwitcher messageId={message.id} />}
    </footer>
  );
}

/** Tokens and cost (live estimates marked "≈" while the turn streams, at the prices in force) and time. */
function TurnFacts({ message }: { message: TranscriptMessage }) {
  const spend = useMessageSpend(message);
  const { costUsd, latencyMs } = message;
  const cost = spend ? spend.costUsd : (costUsd ?? null);
  const facts = [
    spend ? tokensText(spend) : null,
    cost !== null ? costText(cost, spend?.estimated ?? false) : null,
    latencyMs ? formatSeconds(latencyMs.total) : null,
  ].filter((fact) => fact !== null);
  return facts.length > 0 ? <span>{facts.join(' · ')}</span> : null;
}

function RegenerateButton({ messageId }: { messageId: string }) {
  const { regenerate } = useRoomActions();
  return (
    <button type="button" onClick={() => regenerate(messageId)} className={ACTION}>
      Regenerate
    </button>
  );
}

function EditButton({ messageId, onEdit }: { messageId: string; onEdit: () => void }) {
  const ref = useFocusWhenPending(messageId, 'edit');
  return (
    <button ref={ref} type="button" onClick={onEdit} className={ACTION}>
      Edit message
    </button>
  );
}
