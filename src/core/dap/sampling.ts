/**
 * Drawing speakers from DAP probabilities with the seeded generator (profile §6).
 */
import { nextInt, nextRandom, shuffle, type RngState } from '../rng/prng.ts';
import type { DapProbability } from './probabilities.ts';

/** One peer's draw, kept for the audit trail. */
export interface DapDraw {
  peerId: string;
  p: number;
  /** The uniform number drawn; the peer is drawn when `u < p`. */
  u: number;
  drawn: boolean;
}

/** The outcome of one sampling. */
export interface DapSample {
  draws: DapDraw[];
  /** Who speaks, in speaking order (shuffled by the generator). Never empty when there is a peer. */
  speakers: { peerId: string; p: number }[];
  /** True when nobody was drawn and the highest p_i was made to speak. */
  fallback: boolean;
  rng: RngState;
}

/**
 * Draws each peer independently with its p_i (in the given order), then shuffles the drawn peers into a
 * speaking order. If none is drawn, the highest p_i speaks, ties broken by the generator.
 */
export function sampleDapSpeakers(rng: RngState, probabilities: readonly DapProbability[]): DapSample {
  let state = rng;
  const draws: DapDraw[] = probabilities.map(({ peerId, p }) => {
    const draw = nextRandom(state);
    state = draw.state;
    return { peerId, p, u: draw.value, drawn: draw.value < p };
  });
  const drawn = draws.filter((draw) => draw.drawn);
  if (drawn.length > 0) {
    const ordered = shuffle(state, drawn);
    return {
      draws,
      speakers: ordered.value.map(({ peerId, p }) => ({ peerId, p })),
      fallback: false,
      rng: ordered.state,
    };
  }
  if (draws.length === 0) return { draws, speakers: [], fallback: false, rng: state };
  const highest = Math.max(...draws.map((draw) => draw.p));
  const tied = draws.filter((draw) => draw.p === highest);
  const pick = nextInt(state, tied.length);
  const chosen = tied[pick.value] as DapDraw;
  return { draws, speakers: [{ peerId: chosen.peerId, p: chosen.p }], fallback: true, rng: pick.state };
}
