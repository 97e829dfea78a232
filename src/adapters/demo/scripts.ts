/**
 * The demo's suggested prompts: each plays a hand-written script that shows one mechanic of the room. The peers'
 * lines are written here, but who speaks, when, and when the round ends is the real arbiter's doing (mentions, DAP,
 * the loop guards), so Stop, Mute and Skip work on a script as on any round.
 */
import type { Speech } from './transcript.ts';

export interface DemoScript {
  id: string;
  /** The chip's words. */
  label: string;
  /** What the chip sends, word for word (a demo peer recognises its script by it). */
  prompt: string;
  /** The mode the chip switches to first. */
  mode: 'collaborative' | 'adversarial';
  /** What it shows, for the chip's title. */
  shows: string;
  /** Each demo peer's replies, in order; a peer with none left passes. */
  lines: Partial<Record<'ada' | 'bo' | 'cy', readonly string[]>>;
}

const ARGUE = (other: string, points: readonly string[]) => points.map((point) => `@${other}, ${point}`);

export const DEMO_SCRIPTS: readonly DemoScript[] = [
  {
    id: 'mention',
    label: 'Ask one peer',
    prompt: '@ada What is the quickest way to get useful at SQL?',
    mode: 'collaborative',
    shows: 'An @mention: only the peer you name answers.',
    lines: {
      ada: [
        'Learn four things in this order: SELECT with WHERE, JOIN, GROUP BY, and window functions. ' +
          'Then answer ten real questions about a dataset you care about; that is where it sticks.',
      ],
    },
  },
  {
    id: 'handover',
    label: 'Peers hand over',
    prompt: '@ada Plan a one-day team offsite for twelve people, and hand over to whoever should check the rest.',
    mode: 'collaborative',
    shows: 'Peers calling on each other: each reply names the next peer, and the arbiter follows.',
    lines: {
      ada: [
        'Morning: a review of the quarter in two groups; afternoon: one decision we keep postponing, decided. ' +
          '@bo, can you check the budget and what could go wrong?',
      ],
      bo: [
        'Budget: a venue for twelve with lunch runs about €1,200; the risk is the afternoon ending without a decision. ' +
          '@cy, how would people actually like the day to feel?',
      ],
      cy: ['Start with a walk, not slides, and end early. People remember how the day felt more than the agenda.'],
    },
  },
  {
    id: 'challenge',
    label: 'Prove it',
    prompt: 'Our new onboarding doubled sign-ups last week, so we should double the price.',
    mode: 'adversarial',
    shows: 'Adversarial mode: the peers test the claim instead of building on it.',
    lines: {
      ada: [
        'One week is not a trend: what were sign-ups in the four weeks before, and what changed besides onboarding?',
      ],
      bo: [
        'Sign-ups are not revenue. Doubling the price tests willingness to pay, which the data does not measure at all.',
      ],
      cy: [
        'Try the price on new sign-ups only, for two weeks, and compare conversion: that would prove it either way.',
      ],
    },
  },
  {
    id: 'dap',
    label: 'The room decides',
    prompt: 'What is one thing most people get wrong about sleep?',
    mode: 'collaborative',
    shows: 'No mention: DAP draws who speaks (each reply shows its probability).',
    lines: {
      ada: ['That catching up works: a lie-in on Sunday shifts your clock and makes Monday worse.'],
      bo: ['That more is always better. Consistency of timing matters more than an extra hour now and then.'],
      cy: ['That it is passive. Light in the morning and darkness at night do half of the work.'],
    },
  },
  {
    id: 'loop',
    label: 'A loop guard',
    prompt: '@ada @bo Argue it out: tabs or spaces?',
    mode: 'collaborative',
    shows: 'Two peers calling on each other: the ping-pong limit ends the round, and says so.',
    lines: {
      ada: ARGUE('bo', [
        'tabs: one character, and everyone sets the width they like.',
        'spaces look the same everywhere, fine, but that is the editor’s job.',
        'then let the formatter decide and stop arguing.',
        'you first.',
      ]),
      bo: ARGUE('ada', [
        'spaces: what you see is what everyone sees.',
        'the editor’s job until someone opens it in a terminal.',
        'agreed, but the formatter needs a setting: spaces.',
        'no, you.',
      ]),
    },
  },
];

/**
 * The scripted reply of a demo peer, when the human's latest message is a script's prompt: its next line (how many
 * it has said since that message decides which), or PASS when it has none left. Undefined when no script applies.
 */
export function scriptedReply(
  speeches: readonly Speech[],
  humanHandle: string | undefined,
  self: string,
): string | undefined {
  const humanIndex = speeches.findLastIndex((speech) => !speech.own && speech.handle === humanHandle);
  const question = speeches[humanIndex];
  const script = DEMO_SCRIPTS.find((candidate) => candidate.prompt === question?.text.trim());
  if (script === undefined) return undefined;
  const said = speeches.slice(humanIndex + 1).filter((speech) => speech.own).length;
  return script.lines[self as keyof DemoScript['lines']]?.[said] ?? 'PASS';
}
