/**
 * What a demo peer will do with its turn, decided from the conversation and a seeded generator: PASS or answer,
 * whom to quote, whom to mention. Content-blind beyond a few key words; deterministic for a given request.
 */
import type { DemoRandom } from './random.ts';
import type { DemoRoom, Participant, Stance } from './room.ts';
import { keyWords, quotableSentences, topicPhrase, type NounPhrases } from './topic.ts';
import type { Speech } from './transcript.ts';
import { shortName } from './transcript.ts';

export interface ReplyPlan {
  stance: Stance;
  pass: boolean;
  topic: { words: string[]; phrase: string };
  /** The earlier message the reply quotes and answers. */
  quote?: { speaker: Participant; sentence: string; byHuman: boolean };
  /** A peer asked this one directly (by @mention). */
  askedBy?: Participant;
  /** The peer addressed with @handle at the end of the reply. */
  mention?: Participant;
  /** This peer already answered since the human's last message. */
  followUp: boolean;
}

/** Chance to PASS (collaborative) once two others have answered, or once this peer already has. */
export const PASS_CHANCE_AFTER_OTHERS = 0.5;
export const PASS_CHANCE_AFTER_SELF = 0.7;
/** Chance to end with an @mention: a question to a quiet peer, or a challenge to the quoted one. */
export const MENTION_CHANCE: Record<Stance, number> = { collaborative: 0.3, adversarial: 0.6 };

function mentions(text: string, handle: string): boolean {
  return new RegExp(`(^|[\\s([{"',;:!])@${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text);
}

function isPeer(room: DemoRoom, speech: Speech): boolean {
  return speech.own || room.peers.some((peer) => peer.handle === speech.handle);
}

function isHuman(room: DemoRoom, speech: Speech): boolean {
  return room.human === undefined ? !isPeer(room, speech) : speech.handle === room.human.handle;
}

function participant(room: DemoRoom, speech: Speech): Participant {
  return room.peers.find((peer) => peer.handle === speech.handle) ?? { handle: speech.handle, name: speech.name };
}

export function planReply(
  room: DemoRoom,
  speeches: readonly Speech[],
  random: DemoRandom,
  nouns: NounPhrases,
): ReplyPlan {
  const humanIndex = speeches.findLastIndex((speech) => isHuman(room, speech));
  const question = speeches[humanIndex];
  const since = speeches.slice(humanIndex + 1);
  const othersSince = since.filter((speech) => !speech.own);
  const followUp = since.some((speech) => speech.own);
  const words = keyWords(question?.text ?? speeches.at(-1)?.text ?? '', nouns);
  const latest = speeches.at(-1);
  const askedByHuman = question !== undefined && mentions(question.text, room.self.handle);
  const askedByPeer =
    latest !== undefined && !latest.own && !isHuman(room, latest) && mentions(latest.text, room.self.handle);

  const plan: ReplyPlan = {
    stance: room.stance,
    pass: false,
    topic: { words, phrase: topicPhrase(words) },
    followUp,
  };
  if (askedByPeer) plan.askedBy = participant(room, latest);

  if (room.stance === 'collaborative' && !askedByHuman && !askedByPeer) {
    const chance = followUp ? PASS_CHANCE_AFTER_SELF : othersSince.length >= 2 ? PASS_CHANCE_AFTER_OTHERS : 0;
    if (random.chance(chance)) return { ...plan, pass: true };
  }

  // Quote the latest other peer since the human; in adversarial mode, else the human's own premise.
  const target = othersSince.at(-1) ?? (room.stance === 'adversarial' ? question : undefined);
  const sentences = target === undefined ? [] : quotableSentences(target.text);
  if (target !== undefined && sentences.length > 0) {
    plan.quote = {
      speaker: participant(room, target),
      sentence: random.pick(sentences),
      byHuman: isHuman(room, target),
    };
  }

  if (random.chance(MENTION_CHANCE[room.stance])) {
    const quotedPeer = plan.quote !== undefined && !plan.quote.byHuman ? plan.quote.speaker : undefined;
    const quiet = room.peers.filter((peer) => !since.some((speech) => speech.handle === peer.handle));
    const candidates = room.stance === 'adversarial' && quotedPeer !== undefined ? [quotedPeer] : quiet;
    if (candidates.length > 0) plan.mention = random.pick(candidates);
  }
  return plan;
}

/** The name to use in a sentence for a participant. */
export function displayName(participant: Participant): string {
  return shortName(participant.name);
}
