/**
 * What a message is about, cheaply: its key words, and a sentence worth quoting.
 */

/** The noun phrases of a text, in order (the demo loads its tagger, `compromise`, with its first reply). */
export type NounPhrases = (text: string) => string[];

let tagger: Promise<NounPhrases> | undefined;

/** Loads the part-of-speech tagger once; the demo's replies wait for it, real providers never load it. */
export function loadNounPhrases(): Promise<NounPhrases> {
  tagger ??= import('compromise').then(({ default: nlp }) => {
    const phrasesOf = (text: string): string[] =>
      nlp(text)
        .nouns()
        .not('#Pronoun')
        .out('array')
        .map(bare)
        .filter((phrase: string) => phrase !== '' && phrase.length <= 40);
    // A word that is a noun only in its sentence ("drop" in "suggestions, drop and first") reads as a verb on its
    // own: a phrase is kept when it is a noun phrase by itself too.
    return (text: string) => phrasesOf(text).filter((phrase) => phrasesOf(phrase).join(' ') === phrase);
  });
  return tagger;
}

/** A phrase without surrounding quotes and punctuation, or a leading article or possessive. */
function bare(phrase: string): string {
  return phrase
    .replace(/^[\s"'“‘(]+|[\s"'”’),.;:!?]+$/g, '')
    .replace(/^(the|a|an|this|that|these|those|some|any|my|your|our|their|its)\s+/i, '');
}

/**
 * What a message is about: up to `limit` distinct noun phrases, in order of appearance (mentions, code and quoted
 * lines left out). Only noun phrases, so they read well in any sentence of the phrase banks.
 */
export function keyWords(text: string, nouns: NounPhrases, limit = 3): string[] {
  const plain = text
    .replace(/```[\s\S]*?```|`[^`]*`/g, ' ')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join(' ')
    .replace(/@[\w.-]+/g, ' ');
  const found: string[] = [];
  for (const phrase of nouns(plain))
    if (!found.some((seen) => seen.toLowerCase() === phrase.toLowerCase())) found.push(phrase);
  return found.slice(0, limit);
}

/** "a", "a and b", "a, b and c"; `fallback` when empty. */
export function topicPhrase(words: readonly string[], fallback = 'this question'): string {
  if (words.length === 0) return fallback;
  if (words.length === 1) return words[0] ?? fallback;
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

function shorten(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/** The sentences of a message worth quoting: not quotes, lists of labels, or mention-only lines; 4+ words. */
export function quotableSentences(text: string, max = 160): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('>') && !line.startsWith('@') && !/^[-*] [A-Z]+:/.test(line));
  const sentences = lines
    .join(' ')
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4);
  return sentences.map((sentence) => shorten(sentence, max));
}
