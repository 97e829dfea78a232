// The demo peers answer from the conversation: they quote earlier speakers, mention other peers now and then,
// PASS sometimes in collaborative mode, and follow the mode's stance. Requests are built by the real core.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMentions } from '../../core/index.ts';
import type { Line, ModeId } from '../testing/demo-room.ts';
import { demoRoster, demoTurn } from '../testing/demo-room.ts';
import { demoReplyText } from './driver.ts';
import { loadNounPhrases, type NounPhrases } from './topic.ts';

let nouns: NounPhrases;
beforeAll(async () => {
  nouns = await loadNounPhrases();
});

const QUESTIONS = [
  'Should we migrate our billing service from Postgres to DynamoDB this quarter?',
  'How do I price a new SaaS product for small accountancy firms?',
  'Is it worth rewriting our Android app in Kotlin Multiplatform?',
  'What should a first hire look like for a two-person robotics startup?',
  'Can we cut our cloud bill by half without hurting latency?',
  'Which is safer for a family trip in March: Iceland or Norway?',
  'How would you teach recursion to a class of fourteen-year-olds?',
  'Should our city replace diesel buses with battery buses by 2030?',
  'Is a monorepo a good idea for a team of forty engineers?',
  'What is the best way to reduce flaky end-to-end tests?',
  'How should we store API keys in a browser-only application?',
  'Do four-day work weeks improve productivity in software teams?',
];

const ADA =
  'Break it into three steps and measure where you are today. Then compare two options against the same numbers.';
const BO = 'The risk is real here. Consistency matters more than speed for this kind of data.';

function reply(handle: string, lines: readonly Line[], mode: ModeId = 'collaborative'): string {
  const { request, room } = demoTurn(handle, lines, mode);
  return demoReplyText(request, nouns, room);
}

/** Peer ids the reply would start, as the core's mention parser sees it. */
function mentionedPeers(handle: string, text: string): string[] {
  return parseMentions(text, demoRoster(), { authorId: `peer-${handle}` }).peerIds;
}

describe('demo peers read the conversation', () => {
  it('quote the latest other peer in a > line and name them without @', () => {
    for (const question of QUESTIONS) {
      for (const mode of ['collaborative', 'adversarial'] as const) {
        const text = reply(
          'cy',
          [
            ['you', question],
            ['bo', BO],
          ],
          mode,
        );
        expect(text).toMatch(
          /^> (The risk is real here\.|Consistency matters more than speed for this kind of data\.)$/m,
        );
        expect(text).toContain('Bo');
      }
    }
  });

  it('build on the human’s key words when they answer first', () => {
    const text = reply('ada', [['you', 'Should we migrate from Postgres to DynamoDB this quarter?']]);
    expect(text).toMatch(/Postgres|DynamoDB/);
    expect(text).not.toMatch(/^>/m);
  });

  it('are deterministic: the same request gives the same reply', () => {
    const lines: Line[] = [
      ['you', QUESTIONS[0]!],
      ['ada', ADA],
    ];
    expect(reply('bo', lines)).toBe(reply('bo', lines));
  });

  it('answer a peer who asked them directly', () => {
    const text = reply('ada', [
      ['you', QUESTIONS[1]!],
      ['bo', 'I doubt the free tier pays off. @ada what do you think?'],
    ]);
    expect(text).toMatch(/^(Bo asked me directly|Answering Bo's question)/);
  });
});

describe('PASS', () => {
  const afterTwoOthers = (question: string): Line[] => [
    ['you', question],
    ['ada', ADA],
    ['bo', BO],
  ];

  it('collaborative: sometimes exactly PASS once two others have answered, otherwise a real reply', () => {
    const replies = QUESTIONS.map((question) => reply('cy', afterTwoOthers(question)));
    const passes = replies.filter((text) => text === 'PASS').length;
    expect(passes).toBeGreaterThan(0);
    expect(passes).toBeLessThan(replies.length);
    for (const text of replies) if (text !== 'PASS') expect(text.length).toBeGreaterThan(80);
  });

  it('never as the first to answer, never when the human asked them by name, never in adversarial mode', () => {
    for (const question of QUESTIONS) {
      expect(reply('cy', [['you', question]])).not.toBe('PASS');
      expect(reply('cy', afterTwoOthers(`@cy ${question}`))).not.toBe('PASS');
      expect(reply('cy', afterTwoOthers(question), 'adversarial')).not.toBe('PASS');
    }
  });

  it('more often after they have already spoken in this round', () => {
    const again = QUESTIONS.map((question) =>
      reply('ada', [
        ['you', question],
        ['ada', ADA],
        ['bo', BO],
      ]),
    );
    expect(again.filter((text) => text === 'PASS').length).toBeGreaterThan(0);
  });
});

describe('mentions', () => {
  it('mention another peer now and then — never themselves, never a stranger', () => {
    let mentioning = 0;
    for (const question of QUESTIONS) {
      for (const handle of ['ada', 'bo', 'cy']) {
        const text = reply(handle, [['you', question]]);
        const peers = mentionedPeers(handle, text);
        if (peers.length > 0) mentioning += 1;
        expect(peers).not.toContain(`peer-${handle}`);
        expect(text).not.toMatch(new RegExp(`@${handle}\\b`));
        for (const match of text.matchAll(/@([a-z][\w.-]*)/g)) expect(['ada', 'bo', 'cy']).toContain(match[1]);
      }
    }
    expect(mentioning).toBeGreaterThan(0);
    expect(mentioning).toBeLessThan(QUESTIONS.length * 3);
  });

  it('adversarial: a challenge goes to the peer whose claim is quoted', () => {
    const challenged = QUESTIONS.map((question) =>
      mentionedPeers(
        'cy',
        reply(
          'cy',
          [
            ['you', question],
            ['bo', BO],
          ],
          'adversarial',
        ),
      ),
    ).filter((peers) => peers.length > 0);
    expect(challenged.length).toBeGreaterThan(0);
    for (const peers of challenged) expect(peers).toEqual(['peer-bo']);
  });

  it('quoting a message that mentions someone does not start that peer (quotes are not mentions)', () => {
    const text = reply('cy', [
      ['you', QUESTIONS[2]!],
      ['ada', 'I think @bo should weigh in on the migration cost before we decide anything.'],
    ]);
    expect(text).toContain('> I think @bo should weigh in');
    const quoteOnly = text
      .split('\n')
      .filter((line) => line.startsWith('>'))
      .join('\n');
    expect(mentionedPeers('cy', quoteOnly)).toEqual([]);
  });

  it('property: whatever the human writes, a demo reply only ever starts other peers of the room', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('ada', 'bo', 'cy'), (question, handle) => {
        const text = reply(handle, [['you', question.trim() === '' ? 'hello' : question]]);
        for (const peerId of mentionedPeers(handle, text)) {
          expect(peerId).not.toBe(`peer-${handle}`);
          expect(['peer-ada', 'peer-bo', 'peer-cy']).toContain(peerId);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('mode stance', () => {
  it('collaborative: builds on others and names a gap, risk or missing case', () => {
    for (const question of QUESTIONS) {
      const text = reply('cy', [
        ['you', question],
        ['ada', ADA],
      ]);
      expect(text).toMatch(/gap|risk|missing|counter-case/i);
      expect(text).toMatch(/Building on|good point|I agree with/);
      expect(text).not.toMatch(/SHOWN|UNSUPPORTED/);
    }
  });

  it('adversarial: challenges a claim, asks for evidence, separates shown / plausible / unsupported', () => {
    for (const question of QUESTIONS) {
      const text = reply(
        'cy',
        [
          ['you', question],
          ['ada', ADA],
        ],
        'adversarial',
      );
      expect(text).toMatch(/test this claim|says:|push on what/);
      expect(text).toMatch(/evidence|source|based on|support/i);
      expect(text).toMatch(/^- SHOWN: /m);
      expect(text).toMatch(/^- PLAUSIBLE: /m);
      expect(text).toMatch(/^- UNSUPPORTED: /m);
    }
  });

  it('adversarial with no peer answer yet: tests the assumption behind the human’s question', () => {
    const text = reply(
      'bo',
      [['you', 'Obviously we should rewrite everything in Rust because it is always faster.']],
      'adversarial',
    );
    expect(text).toMatch(/assumption behind the question|takes something .* for granted/);
    expect(text).toMatch(/^> /m);
  });
});

describe('room hints', () => {
  it('without hints, read themselves, the others and the mode from the system prompt', () => {
    const { request } = demoTurn(
      'cy',
      [
        ['you', QUESTIONS[3]!],
        ['bo', BO],
      ],
      'adversarial',
    );
    const text = demoReplyText(request, nouns);
    expect(text).toMatch(/^- SHOWN: /m);
    expect(text).toContain('Bo');
    expect(mentionedPeers('cy', text)).not.toContain('peer-cy');
  });
});
