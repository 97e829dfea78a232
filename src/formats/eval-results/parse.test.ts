import { describe, expect, it } from 'vitest';
import { parseEvalResults } from './parse.ts';

const row = {
  strategy: 'vote',
  label: 'vote',
  correct: 4,
  total: 5,
  accuracy: 0.8,
  interval: { low: 0.376, high: 0.964 },
  inputTokens: 150,
  outputTokens: 75,
  costUsd: null,
  medianLatencyMs: 300,
  failed: 0,
};
const file = {
  format: 'peerchat.eval',
  version: 1,
  startedAt: '2026-12-06T00:00:00.000Z',
  peers: [],
  questions: 5,
  strategies: [row],
  answers: [{ any: 'thing' }],
};

describe('evaluation results files', () => {
  it('reads the strategies and leaves the per-question detail out', () => {
    const parsed = parseEvalResults(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, summary: { ...file, answers: undefined } });
    expect(parsed.ok && 'answers' in parsed.summary).toBe(false);
  });

  it('refuses anything else with one sentence naming the first bad field', () => {
    expect(parseEvalResults('{"format":"peerchat.room"}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^These are not evaluation results: format: /),
    });
    const bad = { ...file, strategies: [{ ...row, accuracy: 1.5 }] };
    expect(parseEvalResults(JSON.stringify(bad))).toMatchObject({
      message: expect.stringMatching(/strategies\.0\.accuracy: /),
    });
    expect(parseEvalResults('')).toEqual({
      ok: false,
      message: 'These are not evaluation results: the file is empty.',
    });
    expect(parseEvalResults('{"__proto__":{}}')).toMatchObject({ ok: false });
  });
});
