import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardRoster } from '../testing/fixtures.ts';
import { parseMentions } from './parse.ts';

const roster = standardRoster();
const C = 'peer-claude';
const G = 'peer-gpt';
const M = 'peer-gemini';
const L = 'peer-llama';

describe('parseMentions: which names are mentions', () => {
  const cases: { name: string; text: string; peerIds: string[]; all?: boolean; human?: boolean }[] = [
    { name: 'at the start', text: '@claude hi', peerIds: [C] },
    { name: 'after a space', text: 'hi @gpt', peerIds: [G] },
    { name: 'after a tab and a newline', text: 'a\t@gpt\n@gemini', peerIds: [G, M] },
    { name: 'after a no-break space', text: 'a\u00a0@gpt', peerIds: [G] },
    ...['(', '[', '{', '"', "'", ',', ';', ':', '!'].map((char) => ({
      name: `after "${char}"`,
      text: `x${char}@claude`,
      peerIds: [C],
    })),
    { name: 'not after a letter (e-mail)', text: 'mail a@claude.com', peerIds: [] },
    { name: 'not after a digit', text: '1@claude', peerIds: [] },
    { name: 'not after a dot', text: 'x.@claude', peerIds: [] },
    { name: 'not after a slash', text: 'x/@claude', peerIds: [] },
    { name: 'escaped with a backslash', text: '\\@claude hi', peerIds: [] },
    { name: 'case-insensitive handle', text: '@CLAUDE and @Gpt', peerIds: [C, G] },
    { name: 'alias', text: '@Anthropic?', peerIds: [C] },
    { name: 'trailing dot is not part of the name', text: 'ask @claude.', peerIds: [C] },
    { name: 'trailing dots and dashes', text: 'ask @claude.-.', peerIds: [C] },
    { name: 'inner dot makes another name', text: '@claude.gpt', peerIds: [] },
    { name: 'punctuation after the name', text: '@claude, @gpt: @gemini!', peerIds: [C, G, M] },
    { name: 'possessive', text: "@claude's idea", peerIds: [C] },
    { name: 'unknown names stay plain', text: '@bob @claude', peerIds: [C] },
    { name: 'a lone @', text: '@ claude', peerIds: [] },
    { name: 'name must start with a letter', text: '@1claude @_gpt', peerIds: [] },
    { name: 'order of first appearance, de-duplicated', text: '@gpt @claude @gpt @anthropic', peerIds: [G, C] },
    { name: '@all', text: '@all thoughts?', peerIds: [], all: true },
    { name: '@everyone any case', text: '@EveryOne', peerIds: [], all: true },
    { name: 'human handle', text: '@ana look', peerIds: [], human: true },
    { name: '@you', text: 'tell @you', peerIds: [], human: true },
    { name: '@human', text: '(@human)', peerIds: [], human: true },
    { name: 'adjacent @ signs', text: '@@claude', peerIds: [] },
    { name: 'two mentions glued', text: '@claude@gpt', peerIds: [C] },
    { name: 'names longer than 32 are not names', text: `@claude${'x'.repeat(40)}`, peerIds: [] },
  ];
  it.each(cases)('$name', ({ text, peerIds, all = false, human = false }) => {
    const result = parseMentions(text, roster);
    expect(result.peerIds).toEqual(peerIds);
    expect(result.all).toBe(all);
    expect(result.human).toBe(human);
  });
});

describe('parseMentions: code, quotes and escapes', () => {
  const cases: { name: string; text: string; peerIds: string[] }[] = [
    { name: 'inline code', text: 'use `@claude` then @gpt', peerIds: [G] },
    { name: 'double-backtick code with a single backtick inside', text: '``a ` @claude`` @gpt', peerIds: [G] },
    { name: 'unbalanced backtick is literal', text: 'a ` @claude', peerIds: [C] },
    { name: 'backtick run lengths must match', text: '`` @claude ` @gpt', peerIds: [C, G] },
    { name: 'code span over two lines of a paragraph', text: 'a `x\n@claude` @gpt', peerIds: [G] },
    { name: 'code span does not cross a blank line', text: 'a `x\n\n@claude` @gpt', peerIds: [C, G] },
    { name: 'fenced code with backticks', text: '```\n@claude\n```\n@gpt', peerIds: [G] },
    { name: 'fenced code with tildes and info', text: '~~~ts\n@claude\n~~~\n@gpt', peerIds: [G] },
    { name: 'fence closes only with the same char', text: '```\n~~~\n@claude\n```\n@gpt', peerIds: [G] },
    { name: 'longer closing fence', text: '````\n@claude\n`````\n@gpt', peerIds: [G] },
    { name: 'shorter run does not close', text: '````\n```\n@claude\n````\n@gpt', peerIds: [G] },
    { name: 'unclosed fence runs to the end', text: 'hi\n```\n@claude\n@gpt', peerIds: [] },
    { name: 'fence indented by 3 spaces', text: '   ```\n@claude\n   ```\n@gpt', peerIds: [G] },
    { name: 'indented 4 spaces is not a fence', text: '    ```\n@claude', peerIds: [C] },
    { name: 'the fence line itself', text: '```@claude\n```\n@gpt', peerIds: [G] },
    { name: 'quoted line', text: '> @claude said\n@gpt', peerIds: [G] },
    { name: 'indented quote', text: '  > @claude said', peerIds: [] },
    { name: 'nested quote', text: '>> @claude', peerIds: [] },
    { name: 'a > later in the line is not a quote', text: 'a > @claude', peerIds: [C] },
    { name: 'escape before each', text: '\\@claude \\@gpt @gemini', peerIds: [M] },
    { name: 'CRLF lines', text: '```\r\n@claude\r\n```\r\n@gpt', peerIds: [G] },
  ];
  it.each(cases)('$name', ({ text, peerIds }) => {
    expect(parseMentions(text, roster).peerIds).toEqual(peerIds);
  });
});

describe('parseMentions: self, muted, spans', () => {
  it('ignores a peer mentioning itself but still highlights it', () => {
    const result = parseMentions('@claude and @gpt', roster, { authorId: C });
    expect(result.peerIds).toEqual([G]);
    expect(result.spans[0]).toEqual({ start: 0, end: 7, kind: 'peer', participantId: C, ignored: 'self' });
  });

  it('reports muted peers separately and never as addressed', () => {
    const result = parseMentions('@llama @gpt @llama', roster);
    expect(result.peerIds).toEqual([G]);
    expect(result.mutedPeerIds).toEqual([L]);
    expect(result.spans.map((span) => span.ignored ?? null)).toEqual(['muted', null, 'muted']);
  });

  it('gives spans for known mentions only, including all and the human', () => {
    const text = 'Hey @Claude., @bob @all @you';
    const result = parseMentions(text, roster);
    expect(result.spans.map((span) => [text.slice(span.start, span.end), span.kind])).toEqual([
      ['@Claude', 'peer'],
      ['@all', 'all'],
      ['@you', 'human'],
    ]);
  });

  it('counts spans in UTF-16 offsets after astral characters', () => {
    const text = '😀 @gpt';
    const [span] = parseMentions(text, roster).spans;
    expect(span && text.slice(span.start, span.end)).toBe('@gpt');
  });

  it('accepts Unicode letters in names', () => {
    const unicodeRoster = {
      ...roster,
      peers: [...roster.peers, { ...roster.peers[0]!, id: 'peer-zoe', handle: 'zoë', aliases: [] }],
    };
    expect(parseMentions('@Zoë!', unicodeRoster).peerIds).toEqual(['peer-zoe']);
  });
});

describe('parseMentions: safety on hostile input', () => {
  it('handles 1 MB of text with thousands of @ signs and unbalanced backticks', () => {
    const chunk = '@claude `x @gpt ``` @ @@ \\@gemini > a@b.com\n';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const result = parseMentions(text, roster);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    expect(result.peerIds).toEqual([C, G]);
  });

  it('handles a megabyte-long name run and a megabyte of @', () => {
    expect(parseMentions(`@${'a'.repeat(1_000_000)} @gpt`, roster).peerIds).toEqual([G]);
    expect(parseMentions('@'.repeat(1_000_000), roster).spans).toEqual([]);
    expect(parseMentions('a ' + '`'.repeat(500_000) + ' @gpt', roster).peerIds).toEqual([G]);
    expect(parseMentions('`'.repeat(500_000) + ' @gpt', roster).peerIds).toEqual([]); // an unclosed fence
  });

  it('never throws and only returns known participants (property)', () => {
    const known = new Set(roster.peers.filter((peer) => peer.enabled).map((peer) => peer.id));
    const muted = new Set(roster.peers.filter((peer) => !peer.enabled).map((peer) => peer.id));
    const pieces = fc.constantFrom(
      '@',
      '@claude',
      '@GPT',
      '@llama',
      '@all',
      '@you',
      '`',
      '```',
      '~~~',
      '>',
      '\\',
      '\n',
      ' ',
      '.',
      '-',
      'a',
      '😀',
      '\u0000',
      '(',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(pieces).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, C, G), (input, authorId) => {
        const result = parseMentions(input, roster, { authorId });
        expect(result.peerIds.every((id) => known.has(id) && id !== authorId)).toBe(true);
        expect(result.mutedPeerIds.every((id) => muted.has(id))).toBe(true);
        expect(new Set(result.peerIds).size).toBe(result.peerIds.length);
        for (const span of result.spans) {
          expect(input[span.start]).toBe('@');
          expect(span.end).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
