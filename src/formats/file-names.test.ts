import { describe, expect, it } from 'vitest';
import { fileStem } from './file-names.ts';

describe('fileStem', () => {
  it('keeps letters and digits of any script, lower case, joined by single dashes', () => {
    expect(fileStem('Design review: v2!', 'x')).toBe('design-review-v2');
    expect(fileStem('  Обзор   дизайна  ', 'x')).toBe('обзор-дизайна');
    expect(fileStem('設計レビュー 2026', 'x')).toBe('設計レビュー-2026');
    expect(fileStem('../../etc/passwd', 'x')).toBe('etc-passwd');
  });

  it('is at most 60 characters and never ends in a dash', () => {
    const stem = fileStem(`${'a'.repeat(59)} b`, 'x');
    expect(stem).toBe('a'.repeat(59));
  });

  it('falls back when nothing usable is left', () => {
    expect(fileStem('***', 'room')).toBe('room');
    expect(fileStem('', 'conversation')).toBe('conversation');
  });
});
