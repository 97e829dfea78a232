import { formatTokens } from '../format/numbers.ts';
import { useRoomStore } from '../state/room-store.tsx';

/** How much of the peer's context window the shared history fills (profile §3), e.g. "12k / 128k tokens". */
export function ContextMeter({ peerId, name, windowTokens }: { peerId: string; name: string; windowTokens: number }) {
  const fill = useRoomStore((state) => state.contextFills[peerId]);
  const used = fill?.usedTokens ?? 0;
  const window = fill?.windowTokens ?? windowTokens;
  const ratio = fill?.ratio ?? 0;
  const text = `${formatTokens(used)} / ${formatTokens(window)} tokens`;
  const colour = ratio > 0.9 ? 'bg-red-500' : ratio > 0.7 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div className="flex flex-col gap-0.5 text-xs">
      <div className="flex justify-between gap-2">
        <span>Context</span>
        <span className="tabular-nums">{text}</span>
      </div>
      <div
        role="meter"
        aria-label={`Context of ${name}`}
        aria-valuemin={0}
        aria-valuemax={window}
        aria-valuenow={Math.min(used, window)}
        aria-valuetext={text}
        className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className={`h-full ${colour}`} style={{ width: `${Math.min(100, Math.round(ratio * 100))}%` }} />
      </div>
      {fill && fill.omittedMessages > 0 && (
        <span className="text-amber-700 dark:text-amber-300">
          {fill.omittedMessages} older {fill.omittedMessages === 1 ? 'message' : 'messages'} left out to fit.
        </span>
      )}
    </div>
  );
}
