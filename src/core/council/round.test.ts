import { describe, expect, it } from 'vitest';
import { answerKey, councilRequestProblem, readAnswer, tallyCouncil, type CouncilRoundState } from './round.ts';

const council = (strategy: 'vote' | 'council', answers: [string, string][]): CouncilRoundState => ({
  strategy,
  messageId: 'h1',
  stage: 'answer',
  synthesizerId: null,
  answers: answers.map(([peerId, answer]) => ({ peerId, messageId: `m-${peerId}`, answer })),
  votes: [],
  tallied: false,
});

describe('council answers and tallies', () => {
  it.each([
    ['Long working.\nAnswer: 42', '42'],
    ['So the **final answer: 1,250.**', '1,250'],
    ['First answer: 3\nthen, on reflection, Answer: 4', '4'],
    ['No marked line\n\nJust the last one.  ', 'Just the last one'],
    ['', ''],
  ])('reads the short answer of %j', (reply, expected) => {
    expect(readAnswer(reply)).toBe(expected);
  });

  it('compares answers without case, spacing, end punctuation or digit grouping', () => {
    expect(answerKey('1,250')).toBe(answerKey('1250.'));
    expect(answerKey('  Paris ')).toBe(answerKey('paris!'));
    expect(answerKey('12,5')).not.toBe(answerKey('125'));
  });

  it('a majority vote: the biggest group wins, a tie goes to the earliest seat, the rest dissent', () => {
    const tie = tallyCouncil(
      council('vote', [
        ['c', '7'],
        ['b', '8'],
        ['a', '8'],
        ['d', '7'],
      ]),
      ['a', 'b', 'c', 'd'],
    );
    expect(tie).toMatchObject({ consensus: ['b', 'a'], answer: '8', votes: { a: 2, b: 2, c: 2, d: 2 } });
    expect(tie.dissent.map((entry) => entry.peerId)).toEqual(['c', 'd']);
    const empty = tallyCouncil(council('vote', [['a', '']]), ['a']);
    expect(empty).toMatchObject({ consensus: [], answer: null, answered: 1 });
  });

  it('checks a council request against the room', () => {
    expect(councilRequestProblem({ strategy: 'council', synthesizerId: 'a' }, ['a'])).toBeNull();
    expect(councilRequestProblem({ strategy: 'debate' }, ['a'])).toMatch(/"vote" or "council"/);
    expect(councilRequestProblem({ strategy: 'vote', extra: 1 }, ['a'])).toMatch(/no field "extra"/);
    expect(councilRequestProblem({ strategy: 'vote', synthesizerId: 'z' }, ['a'])).toMatch(/not one/);
  });
});
