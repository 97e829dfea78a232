import type { MentionResult, PeerSeat } from '../../store/index.ts';

/** Who the message will reach, in words, from the mentions the core's parser resolved. */
export function AddressLine({
  id,
  text,
  mentions,
  peers,
}: {
  id: string;
  text: string;
  mentions: MentionResult;
  peers: readonly PeerSeat[];
}) {
  const nameOf = (peerId: string) => peers.find((peer) => peer.id === peerId)?.displayName ?? peerId;
  const muted = mentions.mutedPeerIds.map(nameOf);
  let to: string;
  if (text.trim() === '') to = 'Enter sends, Shift+Enter starts a new line, @ mentions a peer.';
  else if (mentions.all) to = 'To: every peer that is not muted (@all).';
  else if (mentions.peerIds.length > 0) to = `To: ${mentions.peerIds.map(nameOf).join(', ')}.`;
  else to = 'No @mention: the room decides who answers (DAP).';
  return (
    <p id={id} className="min-h-5 px-1 text-xs text-slate-500 dark:text-slate-400">
      {to}
      {muted.length > 0 && (
        <span className="ml-1 text-amber-700 dark:text-amber-300">
          {muted.join(', ')} {muted.length === 1 ? 'is' : 'are'} muted and will not answer.
        </span>
      )}
    </p>
  );
}
