/**
 * The `set-adapter-profile` input: a seat's L0 adapter reports its provider's default weight and the health and
 * latency it observed (profile §6, "where the factors come from"). The arbiter only keeps the latest profile per
 * seat; `currentDapProbabilities` multiplies it in when a speaker is sampled, with the seeded generator as before.
 */
import type { AdapterProfile } from '../dap/adapter-profile.ts';
import { validateAdapterProfile } from '../dap/adapter-profile.ts';
import type { StepDraft } from './draft.ts';
import { findArbiterPeer } from './policy.ts';

/** Stores a seat's profile (validated; an unknown seat or a bad profile is rejected and nothing changes). */
export function setAdapterProfile(draft: StepDraft, peerId: string, profile: AdapterProfile): void {
  if (findArbiterPeer(draft.state, peerId) === undefined)
    return draft.reject('set-adapter-profile', `Unknown peer ${peerId}`);
  const issues = validateAdapterProfile(profile);
  if (issues.length > 0) return draft.reject('set-adapter-profile', issues.join(' '));
  const { weight, weightSource, health, latency } = profile;
  draft.state.adapterProfiles = { ...draft.state.adapterProfiles, [peerId]: { weight, weightSource, health, latency } };
}

/** Forgets the profiles of seats that left the table (a seat that comes back gets one again from the adapters). */
export function dropProfilesOfRemovedSeats(draft: StepDraft): void {
  const profiles = draft.state.adapterProfiles;
  if (profiles === undefined) return;
  const seated = new Set(draft.state.peers.map((peer) => peer.id));
  draft.state.adapterProfiles = Object.fromEntries(Object.entries(profiles).filter(([peerId]) => seated.has(peerId)));
}
