import type { ConversationSpend, PeerSpend, Spend } from '../../store/index.ts';
import { costText, tokensText } from './spend-format.ts';

/** The conversation's cost per peer (a small bar chart) and per round. */
export function SpendBreakdown({ spend }: { spend: ConversationSpend }) {
  const largest = Math.max(0, ...spend.byPeer.map((peer) => peer.costUsd));
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {tokensText(spend.total)} at the prices in force.
        {spend.total.unpricedTurns > 0 && ` ${unpricedNote(spend.total)}`}
      </p>
      <section aria-label="By peer">
        <h3 className="mb-1 text-xs font-semibold">By peer</h3>
        <ul className="flex flex-col gap-1">
          {spend.byPeer.map((peer) => (
            <PeerBar key={peer.peerId} peer={peer} largest={largest} />
          ))}
        </ul>
      </section>
      <section aria-label="By round">
        <h3 className="mb-1 text-xs font-semibold">By round</h3>
        {spend.byRound.length === 0 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">No round yet.</p>
        ) : (
          <ol className="flex max-h-40 flex-col gap-0.5 overflow-y-auto">
            {spend.byRound.map((round) => (
              <li key={round.roundId} className="flex justify-between gap-2 tabular-nums">
                <span>Round {round.number}</span>
                <span>{costText(round.costUsd, round.estimated)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** One peer's row: its name, a bar as long as its share of the largest spender's cost, and the amount. */
function PeerBar({ peer, largest }: { peer: PeerSpend; largest: number }) {
  const share = largest > 0 ? peer.costUsd / largest : 0;
  return (
    <li className="grid grid-cols-[6rem_1fr_auto] items-center gap-2 tabular-nums">
      <span className="truncate">{peer.name}</span>
      <span aria-hidden="true" className="h-2.5 rounded-sm bg-slate-100 dark:bg-slate-800">
        <span
          data-testid="spend-bar"
          className="block h-full rounded-sm"
          style={{ width: `${(share * 100).toFixed(1)}%`, backgroundColor: peer.colour ?? '#6366f1' }}
        />
      </span>
      <span>
        {costText(peer.costUsd, peer.estimated)}
        {peer.unpricedTurns > 0 && <span className="sr-only"> ({unpricedNote(peer)})</span>}
      </span>
    </li>
  );
}

function unpricedNote(spend: Spend): string {
  const turns = spend.unpricedTurns === 1 ? '1 turn' : `${spend.unpricedTurns} turns`;
  return `${turns} of a model without prices not counted (set them in Settings → Model prices).`;
}
