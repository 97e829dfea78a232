import { describe, expect, it } from 'vitest';
import { standardRoster } from '../testing/fixtures.ts';
import { attributionHeader, stripEchoedAttribution } from './attribution.ts';
import { finishReply, isPassReply, knownHandles } from './reply.ts';

describe('attributionHeader', () => {
  it('names handle and display name', () => {
    expect(attributionHeader({ handle: 'claude', displayName: 'Claude' })).toBe('[@claude (Claude)]:');
    expect(attributionHeader({ handle: 'you', displayName: 'Ana' })).toBe('[@you (Ana)]:');
  });
});

describe('stripEchoedAttribution', () => {
  const handles = ['claude', 'gpt-4.1', 'you'];
  const cases: [string, string, string][] = [
    ['bracketed header with name', '[@claude (Claude)]: Hello', 'Hello'],
    ['bracketed header on its own line', '[@claude (Claude)]:\nHello', 'Hello'],
    ['bracketed header, handle only', '[@claude]: Hello', 'Hello'],
    ['bare handle', 'claude: Hello', 'Hello'],
    ['bare handle, other case', 'Claude: Hello', 'Hello'],
    ['handle with @', '@claude: Hello', 'Hello'],
    ['handle with regex characters', '[@gpt-4.1 (GPT)]: x', 'x'],
    ['leading whitespace', '  \n[@you (Ana)]: x', 'x'],
    ['only one header is stripped', '[@claude]: [@you]: x', '[@you]: x'],
    ['unknown handle stays', 'bob: Hello', 'bob: Hello'],
    ['an ordinary label stays', 'Note: Hello', 'Note: Hello'],
    ['not at the start', 'Hi [@claude]: x', 'Hi [@claude]: x'],
    ['a handle prefix is not a handle', 'claudette: x', 'claudette: x'],
    ['a regex look-alike is literal', 'gpt-441: x', 'gpt-441: x'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(stripEchoedAttribution(input, handles)).toBe(expected);
  });
});

describe('isPassReply / finishReply', () => {
  it.each([
    ['PASS', true],
    ['pass', true],
    [' PASS.\n', true],
    ['**PASS**', true],
    ['PASS: nothing to add', false],
    ['I pass on this one', false],
    ['', false],
  ] as const)('%j -> %s', (reply, expected) => {
    expect(isPassReply(reply)).toBe(expected);
  });

  it('strips an echoed header, then recognises PASS', () => {
    const roster = standardRoster();
    expect(knownHandles(roster)).toEqual(['ana', 'you', 'human', 'claude', 'gpt', 'gemini', 'llama']);
    expect(finishReply('[@gpt (GPT)]: PASS', roster)).toEqual({ text: 'PASS', passed: true });
    expect(finishReply('gpt: Answer', roster)).toEqual({ text: 'Answer', passed: false });
  });
});
