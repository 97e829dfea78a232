import type { TranscriptMessage } from '../../store/index.ts';
import { formatCost, formatSeconds, formatTokens } from '../format/numbers';
import { useRoomActions } from '../state/room-store';

/** Tokens, cost and time of a peer's turn, and "Regenerate" once it has finished. */
export function MessageFooter({ message }: { message: TranscriptMessage }) {
  const { regenerate } = useRoomActions();
  if (message.kind !== 'peer') return null;
  const { tokens, costUsd, latencyMs } = message;
  const facts = [
    tokens ? `${formatTokens(tokens.input)} in · ${formatTokens(tokens.output)} out tokens` : null,
    costUsd !== undefined ? formatCost(costUsd) : null,
    latencyMs ? formatSeconds(latencyMs.total) : null,
  ].filter((fact) => fact !== null);
  const finished = message.status !== 'streaming';
  if (facts.length === 0 && !finished) return null;
  return (
    <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
      {facts.length > 0 && <span>{facts.join(' · ')}</span>}
      {finished && (
        <button
          type="button"
          onClick={() => regenerate(message.id)}
          className="rounded px-1.5 py-0.5 text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
        >
          Regenerate
        </button>
      )}
    </footer>
  );
}
