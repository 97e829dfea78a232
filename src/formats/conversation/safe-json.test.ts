import { describe, expect, it } from 'vitest';
import { findForbiddenKey, parseJsonSafely, scanStructure } from './safe-json.ts';

const limits = { maxChars: 1_000, maxDepth: 4 };

describe('scanStructure', () => {
  it('counts nesting outside strings only, escaped quotes included', () => {
    expect(scanStructure('{"a": "[[[[[[", "b": "\\"{{{{{{"}', 2)).toEqual({ tooDeepAt: null, unfinished: false });
    expect(scanStructure('[[[', 2)).toEqual({ tooDeepAt: 2, unfinished: true });
    expect(scanStructure('{"a": "unterminated', 5)).toEqual({ tooDeepAt: null, unfinished: true });
    expect(scanStructure('{"a": [1, 2]', 5)).toEqual({ tooDeepAt: null, unfinished: true });
  });
});

describe('parseJsonSafely', () => {
  it('accepts nesting up to the limit and refuses one level more, without recursion', () => {
    expect(parseJsonSafely('[[[[1]]]]', limits)).toEqual({ ok: true, value: [[[[1]]]] });
    expect(parseJsonSafely('[[[[[1]]]]]', limits)).toEqual({
      ok: false,
      message: 'the file is nested more than 4 levels deep (at character 5).',
    });
  });

  it('refuses 100,000 open brackets with a message, not a RangeError', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJsonSafely(deep, { maxChars: 1_000_000, maxDepth: 32 })).not.toThrow();
    expect(parseJsonSafely(deep, { maxChars: 1_000_000, maxDepth: 32 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nested more than 32 levels/),
    });
  });

  it('tells a cut-off file from an invalid one', () => {
    expect(parseJsonSafely('{"a": [1, 2', limits)).toEqual({
      ok: false,
      message: 'the file ends too early: it looks cut off (truncated JSON).',
    });
    expect(parseJsonSafely('{"a": nope}', limits)).toMatchObject({ message: /^the file is not valid JSON/ });
    expect(parseJsonSafely('  \n', limits)).toEqual({ ok: false, message: 'the file is empty.' });
  });

  it('refuses a text over the size limit before parsing it', () => {
    expect(parseJsonSafely(`"${'x'.repeat(2_000)}"`, limits)).toMatchObject({ message: /^the file is too large/ });
  });

  it('refuses prototype-polluting keys at any depth, naming the path, and pollutes nothing', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = parseJsonSafely(`{"a": [{"b": 1}, {"${key}": {"polluted": true}}]}`, limits);
      expect(result).toEqual({
        ok: false,
        message: `a.1.${key}: the key is not allowed (it could pollute prototypes).`,
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('findForbiddenKey', () => {
  it('finds the key at the top level and deep inside arrays', () => {
    expect(findForbiddenKey(JSON.parse('{"__proto__": 1}'))).toBe('__proto__');
    expect(findForbiddenKey(JSON.parse('[[{"ok": {"prototype": 1}}]]'))).toBe('0.0.ok.prototype');
    expect(findForbiddenKey({ fine: ['constructor'] })).toBeNull();
  });
});
