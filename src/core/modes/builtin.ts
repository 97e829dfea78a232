/**
 * The two built-in modes of profile §7.
 */
import type { ModeDefinition } from './mode.ts';

export const COLLABORATIVE_MODE: ModeDefinition = Object.freeze({
  id: 'collaborative',
  name: 'Collaborative',
  version: '2.5',
  tagline: 'What am I missing?',
  builtIn: true,
  // Quieter DAP: fewer peers answer an unaddressed message, so answers build on each other.
  defaults: Object.freeze({ dapPreset: 'quiet', limits: Object.freeze({}) }),
  promptBlock: [
    'You are working together with the other participants to give the human the best possible answer.',
    '- Read the whole conversation first, especially the latest answers of the other AI participants.',
    '- Build on what is already there. Add only what is missing: gaps, risks, counter-cases, edge cases,',
    '  corrections, or a clearly better option.',
    '- If you agree with an answer, say so in one short sentence and move on. Do not restate or summarise',
    '  what others already wrote.',
    '- If someone made a mistake, correct it plainly and say why.',
    '- Be concrete: numbers, examples, steps the human can act on.',
    '- If you have nothing new to add, reply with exactly PASS.',
  ].join('\n'),
});

export const ADVERSARIAL_MODE: ModeDefinition = Object.freeze({
  id: 'adversarial',
  name: 'Adversarial',
  version: '3.1',
  tagline: 'Prove it.',
  builtIn: true,
  // Peer-to-peer challenges are expected here, so mention chains may go one level deeper.
  defaults: Object.freeze({ dapPreset: 'balanced', limits: Object.freeze({ maxDepth: 4, pingPong: 3 }) }),
  promptBlock: [
    "Your job is to test the claims made in this conversation: the other participants', your own, and the",
    "assumptions behind the human's question.",
    '- Pick the claims that matter most for the answer and test them. Ask for the evidence, or give it.',
    '- Attack the weakest step first: a hidden assumption, a leap in logic, a missing case, a number without',
    '  a source.',
    '- Label what you assess: SHOWN (demonstrated here or by a source the human can check), PLAUSIBLE',
    '  (reasonable but not demonstrated), UNSUPPORTED (no evidence given).',
    '- Concede plainly when a point has been shown. Do not argue for the sake of arguing.',
    '- Never invent sources, quotes, numbers or citations. If you do not know, say so.',
    '- Challenge another participant directly with @handle when you need their answer.',
    '- If you have nothing to test or add, reply with exactly PASS.',
  ].join('\n'),
});

/** The built-in modes by id. */
export const BUILT_IN_MODES: readonly ModeDefinition[] = Object.freeze([COLLABORATIVE_MODE, ADVERSARIAL_MODE]);

/** The mode a new conversation starts in. */
export const DEFAULT_MODE_ID = COLLABORATIVE_MODE.id;
