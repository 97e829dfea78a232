/**
 * The demo peers' phrase banks, per stance and voice. `t1`/`t2` are key words of the human's question; `name` is an
 * earlier speaker's short name; `handle` a peer to address.
 */
import type { DemoVoiceId } from './voices.ts';

export interface PhraseSlots {
  t1: string;
  t2: string;
  topic: string;
  name: string;
  handle: string;
}

export type Phrase = (slots: PhraseSlots) => string;

export const COLLABORATIVE = {
  buildOn: [
    (s) => `Building on what ${s.name} said:`,
    (s) => `${s.name} makes a good point here:`,
    (s) => `I agree with ${s.name} on this part:`,
  ] as Phrase[],
  agreeAndAdd: [
    () => 'Agreed, and I would add one thing.',
    () => 'That holds. What is still missing is below.',
    (s) => `Right — and it changes how we should treat ${s.t1}.`,
  ] as Phrase[],
  firstAnswer: [
    (s) => `On ${s.topic}: here is how I would approach it.`,
    (s) => `Short answer on ${s.topic}: it depends on a few things we can pin down.`,
    (s) => `A first take on ${s.topic}, so the others can build on it.`,
  ] as Phrase[],
  answerTo: [
    (s) => `${s.name} asked me directly, so here is my view.`,
    (s) => `Answering ${s.name}'s question:`,
  ] as Phrase[],
  followUp: [() => 'One more thing after reading the others:', () => 'Following up on my earlier point:'] as Phrase[],
  body: {
    analyst: [
      (s) =>
        `Break it into three steps: define what “done” looks like for ${s.t1}, measure where you are today, then compare two options against the same numbers.`,
      (s) => `I would put a number on it: how much ${s.t1} matters, in time or money, decides which option wins.`,
      (s) =>
        `A small table helps — options in rows, cost, risk and effort for ${s.t1} in columns — and the choice usually becomes obvious.`,
    ],
    skeptic: [
      (s) => `The part I would double-check is the assumption that ${s.t1} behaves the same at a larger scale.`,
      (s) =>
        `Before committing, ask what it costs to undo: if reversing a decision on ${s.t1} is cheap, move fast; if not, slow down.`,
      (s) => `Watch the hidden costs around ${s.t1}: maintenance, training, and the time nobody budgets for.`,
    ],
    explorer: [
      (s) => `Another angle: look at ${s.t1} from the side of the person who has to live with the result.`,
      (s) => `There is an option nobody has mentioned yet: a small pilot on ${s.t1} before the full decision.`,
      (s) => `It may help to ask what would make ${s.t1} unnecessary altogether.`,
    ],
  } satisfies Record<DemoVoiceId, Phrase[]>,
  gap: [
    () => 'One gap so far: nobody has said how we would know it worked.',
    (s) => `A risk worth naming: ${s.t2} could change under you while this is in progress.`,
    (s) => `Missing piece: what happens if ${s.t2} fails halfway through?`,
    (s) => `Counter-case: when ${s.t2} is small, none of this may be worth the effort.`,
  ] as Phrase[],
  ask: [
    (s) => `@${s.handle}, you may see something I missed — what would you add?`,
    (s) => `@${s.handle}, could you check the part about ${s.t2}?`,
  ] as Phrase[],
};

export const ADVERSARIAL = {
  testClaim: [
    (s) => `I want to test this claim from ${s.name}:`,
    (s) => `${s.name} says:`,
    (s) => `Let me push on what ${s.name} wrote:`,
  ] as Phrase[],
  testQuestion: [
    (s) => `Before anyone answers, the assumption behind the question about ${s.topic} needs testing.`,
    (s) => `The question takes something about ${s.topic} for granted; let us check it first.`,
  ] as Phrase[],
  challenge: [
    () => 'What evidence supports it? A source, a measurement or a worked example would settle it.',
    () => 'What is this based on — a measurement, a source we can check, or intuition?',
    () => 'That needs support before we build on it.',
  ] as Phrase[],
  weakest: {
    analyst: [
      (s) => `The weakest step is the missing number: how big is the effect on ${s.t1}, and compared to what?`,
      (s) => `No baseline was given for ${s.t1}, so “better” cannot be checked yet.`,
    ],
    skeptic: [
      (s) => `The weakest step is the jump from “it worked once” to “it will work for ${s.t1}”.`,
      (s) => `The hidden assumption is that ${s.t1} stays constant; nothing here shows that.`,
    ],
    explorer: [
      (s) => `A counter-example to consider: a case where ${s.t1} goes the other way.`,
      (s) => `If the opposite were true for ${s.t1}, what would we expect to see? That is the test.`,
    ],
  } satisfies Record<DemoVoiceId, Phrase[]>,
  labels: [
    (s) =>
      `- SHOWN: that ${s.t1} matters here — the question itself establishes it.\n` +
      `- PLAUSIBLE: that the approach above helps with ${s.t2}, but no numbers were given.\n` +
      `- UNSUPPORTED: any claim about the size or cost of ${s.t2} — no source so far.`,
    (s) =>
      `- SHOWN: nothing yet beyond the question about ${s.t1}.\n` +
      `- PLAUSIBLE: the general direction for ${s.t2}.\n` +
      `- UNSUPPORTED: the specifics — they are asserted, not demonstrated.`,
  ] as Phrase[],
  concede: [
    () => 'I concede the general direction; it is the specifics that are unproven.',
    () => 'If a source is given, I will happily concede the point.',
  ] as Phrase[],
  challengePeer: [
    (s) => `@${s.handle}, can you back that up with a source or a number?`,
    (s) => `@${s.handle}, what would change your mind on this?`,
  ] as Phrase[],
};
