import { councilSupport, type CouncilNote } from '../../store/index.ts';
import { useRoomStore } from '../state/room-store.tsx';

/** A council round's result in the transcript: the consensus, and who dissented and why, in one line each. */
export function CouncilCard({ note }: { note: CouncilNote }) {
  const peers = useRoomStore((state) => state.peers);
  const peer = (peerId: string) => peers.find((seat) => seat.id === peerId);
  const name = (peerId: string) => (
    <span key={peerId} className="inline-flex items-center gap-1 font-semibold">
      <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: peer(peerId)?.colour }} />
      {peer(peerId)?.displayName ?? 'a peer who left'}
    </span>
  );
  const heading = note.strategy === 'council' ? 'Council result' : 'Majority vote';
  return (
    <section data-part="council" data-strategy={note.strategy} aria-label={heading} className="mt-1 text-sm">
      <p className="font-semibold">
        {heading}{' '}
        <span className="font-normal text-slate-500 dark:text-slate-400">
          · {note.answered} {note.answered === 1 ? 'answer' : 'answers'}
        </span>
      </p>
      {note.consensus.length === 0 ? (
        <p data-council="consensus">No consensus: no vote was counted.</p>
      ) : (
        <p data-council="consensus">
          Consensus ({councilSupport(note)}):{' '}
          {note.consensus.map((peerId, index) => [index > 0 ? ', ' : '', name(peerId)])}
          {note.answer ? <> — {note.answer}</> : null}
        </p>
      )}
      {note.dissent.length > 0 && (
        <>
          <p className="mt-1">Dissent:</p>
          <ul className="list-disc pl-5">
            {note.dissent.map((dissent) => (
              <li key={dissent.peerId} data-council="dissent" data-peer={peer(dissent.peerId)?.handle}>
                {name(dissent.peerId)} — {dissent.reason || 'no reason given'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
