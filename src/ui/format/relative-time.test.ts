import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const NOW = Date.UTC(2026, 2, 20, 12, 0, 0);
const MINUTE = 60_000;

describe('formatRelativeTime', () => {
  it('says how long ago in the largest whole unit, then the date after a week', () => {
    expect(formatRelativeTime(NOW - 10_000, NOW)).toBe('just now');
    expect(formatRelativeTime(NOW - 5 * MINUTE, NOW)).toBe('5 min. ago');
    expect(formatRelativeTime(NOW - 3 * 60 * MINUTE, NOW)).toBe('3 hr. ago');
    expect(formatRelativeTime(NOW - 24 * 60 * MINUTE, NOW)).toBe('yesterday');
    expect(formatRelativeTime(NOW - 3 * 24 * 60 * MINUTE, NOW)).toBe('3 days ago');
    expect(formatRelativeTime(Date.UTC(2026, 0, 2, 12), NOW)).toBe('2 Jan 2026');
  });
});
