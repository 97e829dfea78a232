/** What the "Add an AI" flow seats: a handle and a name made from the chosen model, unique at the table. */
import type { PeerInput, PeerSeat, ProviderId } from '../../store/index.ts';
import { lookupModel, PEER_COLOURS } from '../../store/index.ts';
import { DEFAULT_CONTEXT_WINDOW } from '../peers/PeerForm.tsx';

/** "gpt-4o-mini" → "gpt4omini"; "models/gemini-2.5-flash" → "gemini25flash" (letters and digits, at most 20). */
export function handleFor(model: string, taken: readonly string[]): string {
  const base =
    (model.split('/').at(-1) ?? model)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 20) || 'ai';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}

/** The seat for `model` of `provider`, with the catalog's context window when it knows the model. */
export function seatFor(provider: ProviderId, model: string, peers: readonly PeerSeat[], name?: string): PeerInput {
  const taken = peers.flatMap((peer) => [peer.handle, ...peer.aliases]);
  const known = lookupModel(provider, model);
  return {
    displayName: name?.trim() || known?.label || model,
    handle: handleFor(model, taken),
    aliases: [],
    provider,
    model,
    colour: PEER_COLOURS[peers.length % PEER_COLOURS.length] ?? '#6366f1',
    settings: { contextWindow: known?.contextWindow ?? DEFAULT_CONTEXT_WINDOW },
  };
}
