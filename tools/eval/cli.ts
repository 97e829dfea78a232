/**
 * `npm run eval -- --room <room file> --questions <jsonl> --strategies single,vote,council,debate --out <dir>`
 * (`--rounds N`: the debate's rounds of revision, 2 by default)
 *
 * Runs a question set against a room's peers, through the same core and adapters as the app (in Node), and writes
 * `<dir>/results.json` and `<dir>/report.md`. Keys come from the room file, or from OPENAI_API_KEY,
 * ANTHROPIC_API_KEY, GEMINI_API_KEY and OPENAI_COMPATIBLE_API_KEY; each goes only to the endpoint it belongs to
 * (the app's rule, `keyForSeat`), and none is ever written out.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { costOf, createLazyAdapter, lookupModel } from '../../src/adapters/index.ts';
import { keyForSeat } from '../../src/core/index.ts';
import type { PeerSeat, ProviderConfig, ProviderId } from '../../src/core/index.ts';
import { parseRoomFile } from '../../src/formats/room-file/parse.ts';
import { parseQuestions } from './answers.ts';
import { DEFAULT_DEBATE_ROUNDS } from './deliberation.ts';
import { reportMarkdown } from './report.ts';
import { runEvaluation, STRATEGIES, type Ask, type StrategyName } from './run.ts';

const ENV_KEYS: Record<ProviderId, string[]> = {
  demo: [],
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  google: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  'openai-compatible': ['OPENAI_COMPATIBLE_API_KEY'],
};
const DEFAULT_QUESTIONS = new URL('./questions/arithmetic.jsonl', import.meta.url);
/** A reply taking longer than this fails (the question counts as wrong for that peer). */
const TURN_TIMEOUT_MS = 180_000;

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

function read(path: string | URL, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`cannot read the ${what} ${String(path)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}

function parseStrategies(list: string): StrategyName[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(STRATEGIES as readonly string[]).includes(name));
  if (unknown.length > 0) fail(`unknown strategy "${unknown[0]}" (strategies: ${STRATEGIES.join(', ')}).`);
  if (names.length === 0) fail('--strategies names none.');
  return names as StrategyName[];
}

/** The config whose key a seat may use: the room file's (bound to the seat's endpoint), else the environment's. */
function configFor(peer: PeerSeat, fromFile: Partial<Record<ProviderId, ProviderConfig>>): ProviderConfig {
  const file = fromFile[peer.provider];
  if (file?.apiKey) return file;
  const apiKey = ENV_KEYS[peer.provider].map((name) => process.env[name]).find(Boolean);
  return apiKey ? { apiKey } : {};
}

/** A progress bar redrawn in place on a terminal; into a file or pipe, a line each tenth of the way. */
function progressLine(done: number, total: number, questionId: string): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${questionId}`;
  if (process.stderr.isTTY) return `\r${line.padEnd(60)}`;
  const step = Math.max(1, Math.round(total / 10));
  return done % step === 0 || done === total ? `${line}\n` : '';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      room: { type: 'string' },
      questions: { type: 'string' },
      strategies: { type: 'string', default: 'single,vote,council,debate' },
      rounds: { type: 'string', default: String(DEFAULT_DEBATE_ROUNDS) },
      out: { type: 'string' },
    },
  });
  if (!values.room) fail('give the room file: --room <file>.');
  if (!values.out) fail('give the folder to write to: --out <dir>.');
  const strategies = parseStrategies(values.strategies);
  const debateRounds = Number(values.rounds);
  if (!Number.isInteger(debateRounds) || debateRounds < 1 || debateRounds > 5)
    fail(`--rounds must be a whole number from 1 to 5, not "${values.rounds}".`);
  const room = parseRoomFile(read(values.room, 'room file'), 1);
  if (!room.ok) fail(room.message);
  const seats = room.room.peers.filter((peer) => peer.enabled);
  if (seats.length === 0) fail('the room has no peer that is switched on.');
  const questions = parseQuestions(read(values.questions ?? DEFAULT_QUESTIONS, 'question set'));
  if (!questions.ok) fail(questions.message);

  const ask: Ask = async (evalPeer, prompt) => {
    const seat = seats.find((candidate) => candidate.id === evalPeer.id)!;
    const config = configFor(seat, room.keys);
    const apiKey = keyForSeat(seat, config);
    const baseURL = seat.baseURL ?? config.baseURL;
    const adapter = createLazyAdapter({
      kind: seat.provider,
      ...(apiKey ? { apiKey } : {}),
      ...(baseURL ? { baseURL } : {}),
    });
    const result = await adapter.stream(
      {
        peerId: seat.id,
        model: seat.model,
        system: `You are ${seat.displayName}. Answer the question on your own.`,
        messages: [{ role: 'user', content: prompt }],
        ...(seat.settings.temperature !== undefined ? { temperature: seat.settings.temperature } : {}),
        ...(seat.settings.maxOutputTokens !== undefined ? { maxOutputTokens: seat.settings.maxOutputTokens } : {}),
      },
      { signal: AbortSignal.timeout(TURN_TIMEOUT_MS) },
    );
    const usage = result.usage ?? { inputTokens: 0, outputTokens: 0 };
    return {
      text: result.text,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      costUsd: costOf(result.usage, lookupModel(seat.provider, seat.model)),
      latencyMs: result.latency.totalMs,
      ...(result.status !== 'complete' ? { error: result.error.message } : {}),
    };
  };

  process.stderr.write(
    `Asking ${questions.questions.length} questions of ${seats.length} peers (${strategies.join(', ')})…\n`,
  );
  const results = await runEvaluation({
    peers: seats.map((seat) => ({ id: seat.id, name: seat.displayName, model: seat.model })),
    questions: questions.questions,
    strategies,
    ask,
    seed: room.room.seed,
    debateRounds,
    onProgress: ({ done, total, questionId }) => process.stderr.write(progressLine(done, total, questionId)),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(values.out, 'report.md'), reportMarkdown(results));
  for (const row of results.strategies)
    process.stdout.write(`${row.label}: ${row.correct}/${row.total} (${(row.accuracy * 100).toFixed(0)} %)\n`);
  process.stdout.write(`Wrote ${join(values.out, 'results.json')} and ${join(values.out, 'report.md')}.\n`);
}

await main();
