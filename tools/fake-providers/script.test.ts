import { describe, expect, it } from 'vitest';
import {
  ANY_MODEL,
  MODEL_LIST_KEY,
  ScriptBook,
  defaultText,
  fillerTokens,
  parseReply,
  parseScriptMap,
  splitTokens,
} from './script.ts';

describe('splitTokens', () => {
  it('splits into words with their leading whitespace and joins back to the text', () => {
    const text = '  Hello,  peers!\nHow are you?  ';
    const tokens = splitTokens(text);
    expect(tokens).toEqual(['  Hello,', '  peers!', '\nHow', ' are', ' you?  ']);
    expect(tokens.join('')).toBe(text);
  });

  it('handles empty and whitespace-only text', () => {
    expect(splitTokens('')).toEqual([]);
    expect(splitTokens('   ')).toEqual(['   ']);
  });
});

describe('fillerTokens', () => {
  it('gives exactly N deterministic tokens ending with a full stop', () => {
    const tokens = fillerTokens(5);
    expect(tokens).toHaveLength(5);
    expect(tokens.join('')).toBe('The quick brown fox jumps.');
    expect(fillerTokens(5)).toEqual(tokens);
    expect(fillerTokens(0)).toEqual([]);
  });
});

describe('ScriptBook', () => {
  it('answers with a deterministic default naming the model and the request number', () => {
    const book = new ScriptBook();
    expect(book.next('m').tokens.join('')).toBe(defaultText('m', 1));
    expect(book.next('m').tokens.join('')).toBe(defaultText('m', 2));
    expect(book.next('other').requestNumber).toBe(1);
  });

  it('serves queued replies in order, per model, then falls back', () => {
    const book = new ScriptBook();
    book.enqueue('a', [{ text: 'first' }, { tokens: 3 }]);
    book.enqueue('b', { text: 'for b', tokensPerSecond: 10, firstTokenDelayMs: 5, finish: 'length' });
    expect(book.next('a').tokens).toEqual(['first']);
    const b = book.next('b');
    expect(b).toMatchObject({ tokensPerSecond: 10, firstTokenDelayMs: 5, finish: 'length', fault: null });
    expect(book.next('a').tokens).toHaveLength(3);
    expect(book.next('a').tokens.join('')).toBe(defaultText('a', 3));
  });

  it('uses a fault once when it has no `times`', () => {
    const book = new ScriptBook();
    book.enqueue('m', { text: 'x', fault: { kind: 'server-error' } });
    expect(book.next('m').fault).toEqual({ kind: 'server-error' });
    expect(book.next('m').fault).toBeNull();
    expect(book.pending('m')).toBe(0);
  });

  it('with `times`, keeps the entry faulted N times, then serves it once without the fault', () => {
    const book = new ScriptBook();
    book.enqueue('m', { text: 'finally', fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 2 } });
    expect(book.next('m').fault?.kind).toBe('rate-limit');
    expect(book.next('m').fault?.kind).toBe('rate-limit');
    const third = book.next('m');
    expect(third.fault).toBeNull();
    expect(third.tokens.join('')).toBe('finally');
    expect(book.pending('m')).toBe(0);
  });

  it('repeats a default (per model, then ANY_MODEL); a default fault with `times` clears after N', () => {
    const book = new ScriptBook();
    book.setDefault(ANY_MODEL, { text: 'everyone' });
    book.setDefault('m', { text: 'mine', fault: { kind: 'overloaded', times: 1 } });
    expect(book.next('m').fault?.kind).toBe('overloaded');
    expect(book.next('m')).toMatchObject({ fault: null, tokens: ['mine'] });
    expect(book.next('m').tokens).toEqual(['mine']);
    expect(book.next('other').tokens).toEqual(['everyone']);
    book.setDefault('m', null);
    expect(book.next('m').tokens).toEqual(['everyone']);
  });

  it('scripts faults of the model lists under MODEL_LIST_KEY', () => {
    const book = new ScriptBook();
    expect(book.nextListFault()).toBeNull();
    book.enqueue(MODEL_LIST_KEY, { fault: { kind: 'unauthorized' } });
    expect(book.nextListFault()).toEqual({ kind: 'unauthorized' });
    expect(book.nextListFault()).toBeNull();
  });

  it('reset forgets queues, defaults and request numbers', () => {
    const book = new ScriptBook({ tokensPerSecond: 7 });
    book.enqueue('m', { text: 'queued' });
    book.setDefault('m', { text: 'default' });
    book.next('x');
    book.reset();
    const reply = book.next('m');
    expect(reply.tokens.join('')).toBe(defaultText('m', 1));
    expect(reply.tokensPerSecond).toBe(7);
  });
});

describe('parseReply / parseScriptMap (control API input)', () => {
  it('accepts valid replies and lists', () => {
    expect(parseScriptMap({ a: { text: 'x' }, b: [{ tokens: 2 }, { fault: { kind: 'never-respond' } }] })).toEqual([
      ['a', [{ text: 'x' }]],
      ['b', [{ tokens: 2 }, { fault: { kind: 'never-respond' } }]],
    ]);
  });

  it('rejects malformed replies with a message naming the field', () => {
    expect(() => parseReply({ text: 3 })).toThrow(/text/);
    expect(() => parseReply({ tokensPerSecond: 'fast' })).toThrow(/tokensPerSecond/);
    expect(() => parseReply({ fault: { kind: 'meteor' } })).toThrow(/kind/);
    expect(() => parseReply({ fault: { kind: 'slow-headers' } })).toThrow(/delayMs/);
    expect(() => parseReply({ finish: 'maybe' })).toThrow(/finish/);
    expect(() => parseScriptMap([])).toThrow(/object/);
  });
});
