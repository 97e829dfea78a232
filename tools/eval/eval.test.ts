/**
 * The evaluation harness: reading answers, the interval, the strategies over a scripted `ask`, and `npm run eval`
 * itself against the fake providers through the real SDKs, where every reply is scripted, so each strategy's
 * accuracy is known exactly.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProviders, type FakeProviders } from '../fake-providers/index.ts';
import { extractAnswer, isCorrect, parseQuestions, type Question } from './answers.ts';
import { accuracyBar } from './report.ts';
import { reviewSheets } from '../../src/core/index.ts';
import { parseEvalResults } from '../../src/formats/eval-results/parse.ts';
import { majority } from './deliberation.ts';
import { runEvaluation, type EvalResults, type Reply } from './run.ts';
import { wilsonInterval } from './stats.ts';

describe('reading and checking answers', () => {
  it('takes the last "Answer:" line, else the last number or letter', () => {
    expect(extractAnswer('12 and 30 give 180.\nAnswer: 180', 'number')).toBe('180');
    expect(extractAnswer('First 4, then 2,720 books in all.', 'number')).toBe('2720');
    expect(extractAnswer('Answer: $66.00 after both steps', 'number')).toBe('66.00');
    expect(extractAnswer('(A) is tempting but Answer: (C)', 'choice')).toBe('C');
    expect(extractAnswer('I cannot tell.', 'number')).toBeNull();
  });

  it('compares numbers as numbers, letters as letters, and text by the question’s own checker', () => {
    const number: Question = { id: 'n', question: '?', answer: '22.1' };
    expect([isCorrect(number, '22.10'), isCorrect(number, '22'), isCorrect(number, null)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(isCorrect({ id: 'c', question: '?', answer: 'B' }, 'b')).toBe(true);
    const checked: Question = { id: 't', question: '?', answer: 'Paris', checker: '^paris\\b' };
    expect([isCorrect(checked, 'Paris, France'), isCorrect(checked, 'Lyon')]).toEqual([true, false]);
  });

  it('refuses a bad question set with the line and what is wrong', () => {
    expect(parseQuestions('{"id":"a","question":"q","answer":"1"}\nnot json')).toEqual({
      ok: false,
      message: 'Line 2 is not valid JSON.',
    });
    expect(parseQuestions('{"id":"a","question":"q"}')).toMatchObject({
      message: 'Line 1: "answer" must be a non-empty string.',
    });
    expect(parseQuestions('{"id":"a","question":"q","answer":"1","checker":"("}')).toMatchObject({
      message: 'Line 1: "checker" is not a valid regular expression.',
    });
    const twice = '{"id":"a","question":"q","answer":"1"}\n{"id":"a","question":"r","answer":"2"}';
    expect(parseQuestions(twice)).toMatchObject({ message: 'Line 2: the id "a" is used twice.' });
    expect(parseQuestions('\n')).toMatchObject({ message: 'The question set has no questions.' });
  });

  it('ships a question set whose every line parses and whose every answer checks against itself', () => {
    const parsed = parseQuestions(readFileSync(new URL('./questions/arithmetic.jsonl', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.questions).toHaveLength(20);
    for (const question of parsed.questions) expect(isCorrect(question, question.answer)).toBe(true);
  });
});

describe('the interval and the vote', () => {
  it('gives the Wilson 95 % interval', () => {
    const round = ({ low, high }: { low: number; high: number }) => [low.toFixed(4), high.toFixed(4)];
    expect(round(wilsonInterval(5, 10))).toEqual(['0.2366', '0.7634']);
    expect(round(wilsonInterval(0, 10))).toEqual(['0.0000', '0.2775']);
    expect(round(wilsonInterval(10, 10))).toEqual(['0.7225', '1.0000']);
  });

  it('takes the most frequent answer, a tie going to the earliest seat’s', () => {
    expect(majority(['7', '8', '8'])).toBe('8');
    expect(majority(['7', '8', null])).toBe('7');
    expect(majority([null, null])).toBeNull();
  });

  it('draws the accuracy with its interval', () => {
    expect(accuracyBar({ accuracy: 0.5, interval: { low: 0.2, high: 0.8 } })).toBe('██████│████████░░░░░░░░│░░░░░░');
  });
});

/** Alpha answers all 5 right, Beta the first 3, Gamma q1 and q4; on q5 Beta and Gamma agree on a wrong answer. */
const ANSWERS: Record<string, string[]> = {
  alpha: ['71', '205', '14', '32', '198'],
  beta: ['71', '205', '14', '30', '200'],
  gamma: ['71', '200', '13', '32', '200'],
};
const QUESTIONS: Question[] = ANSWERS.alpha!.map((answer, index) => ({
  id: `q${index + 1}`,
  question: `Question ${index + 1}?`,
  answer,
}));

/**
 * Each reviewer's vote (nobody sees their own answer): Beta and Gamma vote for Alpha's answer and Alpha for Beta's,
 * except on q5, where Beta votes for Gamma and Gamma for Beta, so the council takes Beta's wrong answer.
 */
const VOTES: Record<string, (question: number) => string> = {
  alpha: () => 'beta',
  beta: (question) => (question === 5 ? 'gamma' : 'alpha'),
  gamma: (question) => (question === 5 ? 'beta' : 'alpha'),
};

/** In the debate everyone keeps their answer, except Gamma, which takes the right one on q5 in the second round. */
function revised(peerId: string, question: number, round: number): string {
  return peerId === 'gamma' && question === 5 && round === 2 ? '198' : ANSWERS[peerId]![question - 1]!;
}

/** The label under which `target`'s answer appears on `reviewer`'s sheet, as the council shuffles it. */
function labelOf(peerIds: string[], reviewer: string, target: string, seed: string): string {
  const sheet = reviewSheets(
    peerIds.map((peerId) => ({ peerId, text: '' })),
    seed,
  ).find((candidate) => candidate.reviewerId === reviewer)!;
  return sheet.responses.find((response) => response.peerId === target)!.label;
}

describe('the strategies', () => {
  it('scores each peer alone, the vote of their answers and the council, with tokens and latency', async () => {
    const names = ['alpha', 'beta', 'gamma'];
    const peers = names.map((name) => ({ id: name, name, model: `${name}-model` }));
    const prompts: string[] = [];
    const debateRound: Record<string, number> = Object.fromEntries(
      names.flatMap((name) => QUESTIONS.map((_, index) => [`${name}:${index + 1}`, 0])),
    );
    const results = await runEvaluation({
      peers,
      questions: QUESTIONS,
      strategies: ['single', 'vote', 'council', 'debate'],
      seed: 3,
      ask: async (peer, prompt): Promise<Reply> => {
        prompts.push(prompt);
        const number = Number(/Question (\d+)\?/.exec(prompt)![1]);
        const debating = prompt.includes('Their latest answers');
        const text = debating
          ? `Answer: ${revised(peer.id, number, ++debateRound[`${peer.id}:${number}`]!)}`
          : prompt.startsWith('Question: ')
            ? `Reason: it checks out.\nVote: ${labelOf(names, peer.id, VOTES[peer.id]!(number), `3:q${number}`)}`
            : `Answer: ${ANSWERS[peer.id]![number - 1]}`;
        return { text, inputTokens: 10, outputTokens: 5, costUsd: 0.001, latencyMs: 100 * number };
      },
    });
    expect(prompts).toHaveLength(60);
    expect(results.strategies.map((row) => [row.label, row.correct, row.total])).toEqual([
      ['single: alpha', 5, 5],
      ['single: beta', 3, 5],
      ['single: gamma', 2, 5],
      ['vote', 4, 5],
      ['council', 4, 5],
      ['debate', 5, 5],
    ]);
    const [vote, council, debate] = results.strategies.slice(-3);
    expect(vote).toMatchObject({ inputTokens: 150, outputTokens: 75, medianLatencyMs: 300, failed: 0 });
    expect(vote!.costUsd).toBeCloseTo(0.015);
    expect(council).toMatchObject({ inputTokens: 300, outputTokens: 150, medianLatencyMs: 600 });
    expect(debate).toMatchObject({ inputTokens: 450, outputTokens: 225, medianLatencyMs: 900 });
    expect(results.answers[4]!.debate!.rounds.map((round) => round.map((answer) => answer.extracted))).toEqual([
      ['198', '200', '200'],
      ['198', '200', '198'],
    ]);
    const q5 = results.answers[4]!.council!;
    expect(q5).toMatchObject({ winner: 'beta', votes: { beta: 2, gamma: 1 }, answer: '200' });
    expect(q5.dissent).toEqual([{ reviewerId: 'beta', votedFor: 'gamma', reason: 'it checks out.' }]);
    // No reviewer is shown its own answer, nor anyone's name.
    for (const prompt of prompts.filter((text) => text.startsWith('Question: ')))
      expect(prompt).not.toMatch(/alpha|beta|gamma/);
  });
});

describe('npm run eval', () => {
  let fake: FakeProviders;
  let folder: string;
  beforeAll(async () => {
    fake = await startFakeProviders();
    folder = mkdtempSync(join(tmpdir(), 'peerchat-eval-'));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const KEYS = { openai: 'sk-eval-openai-key-77', anthropic: 'sk-ant-eval-key-88', google: 'AIza-eval-key-99' };
  /** Runs the CLI as `npm run eval` does (asynchronously: the fake providers answer from this process). */
  const run = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'tools/eval/cli.ts', ...args],
        { env: { ...process.env, OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', GEMINI_API_KEY: '' }, timeout: 120_000 },
        (error, stdout, stderr) =>
          resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('reproduces the exact accuracies of a scripted run over three wire formats, and writes no key', async () => {
    const peers = [
      {
        handle: 'alpha',
        name: 'Alpha',
        provider: 'openai',
        model: 'eval-alpha',
        baseURL: `${fake.url}/v1`,
        apiKey: KEYS.openai,
      },
      {
        handle: 'beta',
        name: 'Beta',
        provider: 'anthropic',
        model: 'eval-beta',
        baseURL: fake.url,
        apiKey: KEYS.anthropic,
      },
      {
        handle: 'gamma',
        name: 'Gamma',
        provider: 'google',
        model: 'eval-gamma',
        baseURL: fake.url,
        apiKey: KEYS.google,
      },
    ];
    // Each model answers a question, reviews the others' answers to it, then debates it for two rounds.
    const ids = peers.map((peer, index) => `peer-${index + 1}-${peer.handle}`);
    for (const [seat, peer] of peers.entries())
      fake.script(
        peer.model,
        ANSWERS[peer.handle]!.flatMap((answer, index) => {
          const target = ids[peers.findIndex((other) => other.handle === VOTES[peer.handle]!(index + 1))]!;
          const vote = labelOf(ids, ids[seat]!, target, `1:q${index + 1}`);
          return [
            { text: `Let me work it out.\nAnswer: ${answer}`, tokensPerSecond: 5_000 },
            { text: `Reason: the working holds.\nVote: ${vote}`, tokensPerSecond: 5_000 },
            ...[1, 2].map((round) => ({
              text: `Having weighed the others:\nAnswer: ${revised(peer.handle, index + 1, round)}`,
              tokensPerSecond: 5_000,
            })),
          ];
        }),
      );
    writeFileSync(
      join(folder, 'room.json'),
      JSON.stringify({ format: 'peerchat.room', version: 1, name: 'Eval', mode: 'collaborative', seed: 1, peers }),
    );
    writeFileSync(join(folder, 'questions.jsonl'), QUESTIONS.map((question) => JSON.stringify(question)).join('\n'));
    const out = join(folder, 'out');
    const result = await run(
      '--room',
      join(folder, 'room.json'),
      '--questions',
      join(folder, 'questions.jsonl'),
      '--out',
      out,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('5/5 q5');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as EvalResults;
    expect(results.strategies.map((row) => [row.label, row.accuracy])).toEqual([
      ['single: Alpha', 1],
      ['single: Beta', 0.6],
      ['single: Gamma', 0.4],
      ['vote', 0.8],
      ['council', 0.8],
      ['debate', 1],
    ]);
    expect(results.answers[4]!.council).toMatchObject({ winner: ids[1], answer: '200' });
    expect(results.strategies.every((row) => row.inputTokens > 0 && row.outputTokens > 0)).toBe(true);
    // The app reads the same file back (Settings → Evaluation results).
    expect(parseEvalResults(readFileSync(join(out, 'results.json'), 'utf8'))).toMatchObject({ ok: true });
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('| vote | 80 % |');
    for (const key of Object.values(KEYS)) {
      expect(JSON.stringify(results) + report + result.stdout + result.stderr).not.toContain(key);
      expect(fake.requests().some((request) => JSON.stringify(request).includes(key))).toBe(false);
    }
    expect(fake.requests('eval-beta')).toHaveLength(20);
  });

  it('refuses what it cannot run, saying why, and writes nothing', async () => {
    const bad = await run(
      '--room',
      join(folder, 'room.json'),
      '--strategies',
      'single,majority',
      '--out',
      join(folder, 'x'),
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('eval: unknown strategy "majority" (strategies: single, vote, council, debate).\n');
    const missing = await run('--room', join(folder, 'nope.json'), '--out', join(folder, 'x'));
    expect(missing.stderr).toContain('cannot read the room file');
    expect(existsSync(join(folder, 'x'))).toBe(false);
  });
});
