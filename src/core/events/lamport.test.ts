import { describe, expect, it } from 'vitest';
import { isLamportOrdered, stampEvent } from './lamport.ts';

describe('Lamport counter', () => {
  it('stamps consecutive events with increasing counters', () => {
    const first = stampEvent(0, 100, { type: 'session-completed' });
    const second = stampEvent(first.lamport, 100, { type: 'session-completed' });
    expect([first.event.lamport, second.event.lamport]).toEqual([1, 2]);
    expect(first.event).toEqual({ type: 'session-completed', lamport: 1, at: 100 });
  });

  it('checks ordering', () => {
    expect(isLamportOrdered([{ lamport: 1 }, { lamport: 2 }, { lamport: 5 }])).toBe(true);
    expect(isLamportOrdered([{ lamport: 1 }, { lamport: 1 }])).toBe(false);
  });
});
