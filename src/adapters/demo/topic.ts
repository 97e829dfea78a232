/**
 * What a message is about, cheaply: its key words, and a sentence worth quoting.
 */

const STOPWORDS = new Set(
  (
    'about above after again against also because been before being below between both could does doing down ' +
    'during each even every from further have having here into just more most much must only other ought over ' +
    'really same should some such than that their them then there these they this those through under until very ' +
    'want what when where which while with would your yours yourself think know like make need please tell give ' +
    'good best better maybe still thing things something anything someone people pass which whom whose will shall ' +
    'into onto upon within without agree point said says answer question would could many any all our ours mine'
  ).split(' '),
);

/** Names (Postgres, DynamoDB) say more than long words, which say more than short ones. */
function weight(word: string, sentenceStart: boolean): number {
  const named = /\p{Lu}/u.test(sentenceStart ? word.slice(1) : word);
  return (named ? 2 : 0) + (word.length >= 7 ? 1 : 0);
}

/** Up to `limit` distinct key words, best first, then in order of appearance (mentions, code and quotes left out). */
export function keyWords(text: string, limit = 3): string[] {
  const plain = text
    .replace(/```[\s\S]*?```|`[^`]*`/g, ' ')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join(' ')
    .replace(/@[\w.-]+/g, ' ');
  const found: { word: string; weight: number; index: number }[] = [];
  for (const match of plain.matchAll(/[\p{L}][\p{L}\p{N}'-]{3,}/gu)) {
    const raw = match[0].replace(/'s$/, '');
    const lower = raw.toLowerCase();
    if (STOPWORDS.has(lower) || found.some((entry) => entry.word.toLowerCase() === lower)) continue;
    const sentenceStart = /(^|[.!?]\s+)$/.test(plain.slice(0, match.index));
    const score = weight(raw, sentenceStart);
    found.push({ word: score >= 2 ? raw : lower, weight: score, index: found.length });
  }
  return found
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.word);
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
