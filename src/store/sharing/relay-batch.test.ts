import { describe, expect, it } from 'vitest';
import { batchedRelay } from './relay-batch.ts';

function harness() {
  const sent: { turnId: string; seq: number; text: string; reasoning?: string; full?: true }[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const relay = batchedRelay(
    (turnId, seq, text, reasoning, full) =>
      sent.push({ turnId, seq, text, ...(reasoning ? { reasoning } : {}), ...(full ? { full } : {}) }),
    (run, ms) => timers.push({ run, ms }),
    40,
  );
  const tick = () => timers.splice(0).forEach((timer) => timer.run());
  return { relay, sent, timers, tick };
}

describe('the batched relay of streamed text', () => {
  it('sends each turn’s tokens of one interval as one message, numbered from 0 per turn', () => {
    const { relay, sent, timers, tick } = harness();
    for (const token of ['The', ' write', ' path']) relay.delta('t1', token);
    relay.delta('t2', 'Hi');
    relay.delta('t2', '', 'thinking');
    expect(sent).toEqual([]);
    expect(timers.map((timer) => timer.ms)).toEqual([40]);
    tick();
    expect(sent).toEqual([
      { turnId: 't1', seq: 0, text: 'The write path' },
      { turnId: 't2', seq: 0, text: 'Hi', reasoning: 'thinking' },
    ]);
    relay.delta('t1', ' goes');
    tick();
    tick();
    expect(sent.at(-1)).toEqual({ turnId: 't1', seq: 1, text: ' goes' });
    expect(sent).toHaveLength(3);
  });

  it('sends what is left when the turn ends, before its end, and nothing for it afterwards', () => {
    const { relay, sent, tick } = harness();
    relay.delta('t1', 'almost');
    relay.end('t1');
    expect(sent).toEqual([{ turnId: 't1', seq: 0, text: 'almost' }]);
    tick();
    expect(sent).toHaveLength(1);
    relay.delta('t2', 'stopped');
    relay.end('t2', { discard: true });
    relay.resync();
    tick();
    expect(sent).toHaveLength(1);
  });

  it('after a reconnect, sends each running turn’s whole text so far once, marked full, then carries on', () => {
    const { relay, sent, tick } = harness();
    relay.delta('t1', 'Hel');
    tick();
    relay.delta('t1', 'lo', 'hm');
    relay.delta('t2', 'Other');
    relay.end('t2');
    relay.resync();
    expect(sent.slice(2)).toEqual([{ turnId: 't1', seq: 1, text: 'Hello', reasoning: 'hm', full: true }]);
    tick();
    relay.delta('t1', ' there');
    tick();
    expect(sent.at(-1)).toEqual({ turnId: 't1', seq: 2, text: ' there' });
  });

  it('sends nothing once closed (the room was left)', () => {
    const { relay, sent, tick } = harness();
    relay.delta('t1', 'lost with the room');
    relay.close();
    tick();
    relay.delta('t1', 'more');
    relay.end('t1');
    expect(sent).toEqual([]);
  });
});
