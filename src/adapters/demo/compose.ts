/**
 * Turns a reply plan into text, in the seat's voice and the mode's stance. Earlier speakers are named without @ and
 * quoted in `>` lines (neither starts a turn); only `plan.mention` is an @mention.
 */
import { ADVERSARIAL, COLLABORATIVE } from './phrases.ts';
import type { PhraseSlots } from './phrases.ts';
import { displayName } from './plan.ts';
import type { ReplyPlan } from './plan.ts';
import type { DemoRandom } from './random.ts';
import type { DemoVoiceId } from './voices.ts';

function slotsFor(plan: ReplyPlan): PhraseSlots {
  const [first, second] = plan.topic.words;
  return {
    t1: first ?? 'the question',
    t2: second ?? first ?? 'the plan',
    topic: plan.topic.phrase,
    name: plan.quote === undefined ? 'the others' : displayName(plan.quote.speaker),
    handle: plan.mention?.handle ?? '',
  };
}

function quoteBlock(plan: ReplyPlan): string[] {
  return plan.quote === undefined ? [] : [`> ${plan.quote.sentence}`];
}

function collaborative(plan: ReplyPlan, voice: DemoVoiceId, random: DemoRandom, slots: PhraseSlots): string[] {
  const opening =
    plan.askedBy !== undefined
      ? [random.pick(COLLABORATIVE.answerTo)({ ...slots, name: displayName(plan.askedBy) })]
      : plan.quote !== undefined
        ? [
            random.pick(COLLABORATIVE.buildOn)(slots),
            ...quoteBlock(plan),
            random.pick(COLLABORATIVE.agreeAndAdd)(slots),
          ]
        : plan.followUp
          ? [random.pick(COLLABORATIVE.followUp)(slots)]
          : [random.pick(COLLABORATIVE.firstAnswer)(slots)];
  const lines = [...opening, random.pick(COLLABORATIVE.body[voice])(slots), random.pick(COLLABORATIVE.gap)(slots)];
  if (plan.mention !== undefined) lines.push(random.pick(COLLABORATIVE.ask)(slots));
  return lines;
}

function adversarial(plan: ReplyPlan, voice: DemoVoiceId, random: DemoRandom, slots: PhraseSlots): string[] {
  const opening =
    plan.quote !== undefined && !plan.quote.byHuman
      ? [random.pick(ADVERSARIAL.testClaim)(slots), ...quoteBlock(plan), random.pick(ADVERSARIAL.challenge)(slots)]
      : [random.pick(ADVERSARIAL.testQuestion)(slots), ...quoteBlock(plan)];
  const lines = [...opening, random.pick(ADVERSARIAL.weakest[voice])(slots), random.pick(ADVERSARIAL.labels)(slots)];
  if (random.chance(0.5)) lines.push(random.pick(ADVERSARIAL.concede)(slots));
  if (plan.mention !== undefined) lines.push(random.pick(ADVERSARIAL.challengePeer)(slots));
  return lines;
}

/** The reply text: exactly `PASS`, or a few short paragraphs. */
export function composeReply(plan: ReplyPlan, voice: DemoVoiceId, random: DemoRandom): string {
  if (plan.pass) return 'PASS';
  const slots = slotsFor(plan);
  const lines =
    plan.stance === 'adversarial' ? adversarial(plan, voice, random, slots) : collaborative(plan, voice, random, slots);
  // A quote line must stand alone: a blank line after it ends the Markdown blockquote.
  return lines.join('\n\n');
}
