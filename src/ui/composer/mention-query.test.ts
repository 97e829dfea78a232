import { describe, expect, it } from 'vitest';
import { seat } from '../../store/testing.ts';
import { acceptSuggestion, mentionQueryAt, mentionSuggestions, segmentText } from './mention-query.ts';

describe('mentionQueryAt', () => {
  it('finds the mention being typed at the caret', () => {
    expect(mentionQueryAt('hi @cl', 6)).toEqual({ start: 3, end: 6, query: 'cl' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(mentionQueryAt('(@gp', 4)).toEqual({ start: 1, end: 4, query: 'gp' });
  });

  it('ignores e-mail addresses, escapes, names not starting with a letter and a caret elsewhere', () => {
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
    expect(mentionQueryAt('\\@cl', 4)).toBeNull();
    expect(mentionQueryAt('@1x', 3)).toBeNull();
    expect(mentionQueryAt('@claude hello', 13)).toBeNull();
  });
});

describe('mentionSuggestions', () => {
  const peers = [seat('claude', { aliases: ['anthropic'] }), seat('gpt', { enabled: false }), seat('gemini')];

  it('offers handles, aliases and @all starting with the typed letters', () => {
    expect(mentionSuggestions(peers, 'g').map((s) => s.name)).toEqual(['gpt', 'gemini']);
    expect(mentionSuggestions(peers, 'AN').map((s) => s.name)).toEqual(['anthropic']);
    expect(mentionSuggestions(peers, 'a').map((s) => s.name)).toEqual(['anthropic', 'all']);
    expect(mentionSuggestions(peers, '').map((s) => s.name)).toEqual(['claude', 'gpt', 'gemini', 'anthropic', 'all']);
    expect(mentionSuggestions(peers, 'g')[0]).toMatchObject({ muted: true, detail: 'Gpt (muted)' });
  });
});

describe('acceptSuggestion', () => {
  it('replaces the partial name and puts the caret after a space', () => {
    const query = mentionQueryAt('ask @cl now', 7)!;
    expect(acceptSuggestion('ask @cl now', query, 'claude')).toEqual({ text: 'ask @claude now', caret: 12 });
    expect(acceptSuggestion('@g', mentionQueryAt('@g', 2)!, 'gpt')).toEqual({ text: '@gpt ', caret: 5 });
  });
});

describe('segmentText', () => {
  it('cuts the text around the spans', () => {
    const segments = segmentText('hi @claude and @all', [
      { start: 3, end: 10, kind: 'peer', participantId: 'id-claude' },
      { start: 15, end: 19, kind: 'all' },
    ]);
    expect(segments.map((segment) => [segment.text, segment.span?.kind])).toEqual([
      ['hi ', undefined],
      ['@claude', 'peer'],
      [' and ', undefined],
      ['@all', 'all'],
    ]);
  });
});
