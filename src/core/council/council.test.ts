import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVote, reviewPrompt, reviewSheets, tallyVotes, type CouncilAnswer } from './council.ts';

const answers: CouncilAnswer[] = ['ada', 'bo', 'cy', 'di'].map((peerId, index) => ({
  peerId,
  text: `The answer is ${40 + index}.`,
}));

describe('the council', () => {
  it('shows each reviewer the others’ answers only, labelled A, B, C, in an order drawn from the seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const sheets = reviewSheets(answers, seed);
        for (const sheet of sheets) {
          const shown = sheet.responses.map((response) => response.peerId);
          expect([...shown].sort()).toEqual(
            answers.map((answer) => answer.peerId).filter((id) => id !== sheet.reviewerId),
          );
          expect(sheet.responses.map((response) => response.label)).toEqual(['Response A', 'Response B', 'Response C']);
        }
        expect(reviewSheets(answers, seed)).toEqual(sheets);
      }),
    );
    // Over many seeds every answer comes first for a reviewer sometimes: no position belongs to anyone.
    const firsts = new Set(
      Array.from({ length: 60 }, (_, seed) => reviewSheets(answers, seed)[0]!.responses[0]!.peerId),
    );
    expect(firsts).toEqual(new Set(['bo', 'cy', 'di']));
  });

  it('asks for a reason and a vote, and names no peer', () => {
    const [sheet] = reviewSheets(answers, 7);
    const prompt = reviewPrompt('What is 6 × 7?', sheet!);
    expect(prompt).toContain('Question: What is 6 × 7?');
    expect(prompt).toContain('Response A:\n');
    expect(prompt).toContain('"Vote: Response <letter>"');
    for (const response of sheet!.responses) expect(prompt).toContain(`${response.label}:\n${response.text}`);
    expect(prompt).not.toMatch(/\b(ada|bo|cy|di)\b/);
  });

  it('reads the vote and its reason; an unknown letter is no vote', () => {
    const [sheet] = reviewSheets(answers, 7);
    const voted = readVote('B is careless.\nReason: A shows its working.\nVote: Response A', sheet!);
    expect(voted).toEqual({ reviewerId: 'ada', votedFor: sheet!.responses[0]!.peerId, reason: 'A shows its working.' });
    expect(readVote('Vote: Response Q', sheet!).votedFor).toBeNull();
    expect(readVote('I like them all.', sheet!)).toEqual({ reviewerId: 'ada', votedFor: null, reason: '' });
  });

  it('makes the most-voted answer the council’s, a tie going to the earliest seat, and lists who dissented', () => {
    const vote = (reviewerId: string, votedFor: string | null) => ({
      reviewerId,
      votedFor,
      reason: `${reviewerId}'s reason`,
    });
    const order = ['ada', 'bo', 'cy', 'di'];
    expect(tallyVotes([vote('ada', 'bo'), vote('bo', 'cy'), vote('cy', 'bo'), vote('di', null)], order)).toEqual({
      winner: 'bo',
      votes: { bo: 2, cy: 1 },
      dissent: [vote('bo', 'cy')],
    });
    expect(tallyVotes([vote('ada', 'cy'), vote('cy', 'bo')], order).winner).toBe('bo');
    expect(tallyVotes([vote('ada', null)], order)).toEqual({ winner: null, votes: {}, dissent: [] });
  });
});
