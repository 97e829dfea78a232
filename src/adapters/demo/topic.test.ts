// The demo's topic phrases are noun phrases, by the part-of-speech tagger it loads (compromise), for varied prompts.
import { beforeAll, describe, expect, it } from 'vitest';
import { keyWords, loadNounPhrases, topicPhrase, type NounPhrases } from './topic.ts';

const PROMPTS = [
  'What happens if yourselves fails halfway through?',
  'Should we introduce suggestions, drop and first?',
  'Look at introduce from the side of the user.',
  'How do I migrate from Postgres to DynamoDB without downtime?',
  'Can you compare the pricing of the three cloud providers?',
  'I want to write a novel about a lighthouse keeper.',
  'Is it worth rewriting our Android app in Kotlin Multiplatform?',
  'What should a first hire look like for a two-person robotics startup?',
  'Which is safer for a family trip in March: Iceland or Norway?',
  'How would you teach recursion to a class of fourteen-year-olds?',
  'Should our city replace diesel buses with battery buses by 2030?',
  'Is a monorepo a good idea for a team of forty engineers?',
  'What is the best way to reduce flaky end-to-end tests?',
  'How should we store API keys in a browser-only application?',
  'Do four-day work weeks improve productivity in software teams?',
  'Explain it to me like I am five.',
  'why is the sky blue',
  'Help me plan a vegetarian dinner for eight people on a budget.',
  'Summarise the arguments for and against nuclear power.',
  'Can you review my cover letter for a nursing job?',
  'What are the trade-offs between REST and GraphQL for a mobile backend?',
  'Draft an email asking my landlord to fix the heating.',
  'Is coffee bad for you?',
  'Give me three names for a bakery that sells only sourdough.',
  'How do vaccines train the immune system?',
  'We keep missing deadlines. What are we doing wrong?',
  'Translate "good morning" into Japanese and explain the politeness levels.',
  'Which chess opening should a beginner learn first?',
  'Tell me something surprising.',
  'ok',
];

let nouns: NounPhrases;
beforeAll(async () => {
  nouns = await loadNounPhrases();
});

describe('the demo’s topic phrases', () => {
  it('are noun phrases by the tagger, for thirty varied prompts', () => {
    const seen: string[] = [];
    for (const prompt of PROMPTS) {
      const words = keyWords(prompt, nouns);
      for (const word of words) {
        // Tagged on its own, the phrase is one noun phrase, the whole of it.
        expect(nouns(word), `"${word}" from "${prompt}"`).toEqual([word]);
        seen.push(word.toLowerCase());
      }
      // The joined topic reads "a, b and c": its parts are the phrases checked above.
      expect(
        topicPhrase(words)
          .split(/, | and /)
          .filter((part) => part !== ''),
      ).toEqual(words.length > 0 ? words : ['this question']);
    }
    // What the old word picker chose, and read oddly: pronouns, verbs and adverbs.
    for (const odd of ['yourselves', 'introduce', 'first', 'explain', 'tell']) expect(seen).not.toContain(odd);
    expect(seen).toEqual(expect.arrayContaining(['postgres', 'dynamodb', 'lighthouse keeper', 'side of the user']));
  });
});
