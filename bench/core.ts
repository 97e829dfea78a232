/**
 * Benchmark of the protocol core: the work done per peer turn on conversations of 100, 1,000 and 10,000 messages
 * with 8 peers. One turn = parse the finished reply (header, PASS, mentions) + the arbiter step it causes + the
 * next peer's request (context build and provider shape) + every peer's context-fill figure for the UI meter.
 *
 *   npx tsx bench/core.ts      prints a table and writes .artifacts/bench/core.json
 *
 * Benchmarks only: nothing here is asserted in tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import {
  arbiterPeersFromRoster,
  buildAllPeerContexts,
  COLLABORATIVE_MODE,
  ContextBuilder,
  createArbiter,
  outcomeFromReply,
  parseMentions,
  reduceArbiter,
} from '../src/core/index.ts';
import type { ArbiterEffect, ArbiterState, ContextInput, Message } from '../src/core/index.ts';
import { toAnthropicRequest } from '../src/adapters/providers/common/request-shapes.ts';
import { BUDGETS } from './budgets.ts';
import { benchRoster, benchTranscript, humanText, peerReply } from './core-fixture.ts';

/** One row of results per conversation size. */
export interface CoreBenchRow {
  messages: number;
  peers: number;
  /** Mean time of one turn, milliseconds. */
  meanMsPerTurn: number;
  p50MsPerTurn: number;
  p99MsPerTurn: number;
  /** meanMsPerTurn divided by the previous (10x smaller) size's; linear work would be <= 10. */
  growthFactor: number | null;
  /** A cold build (no cache) of all 8 peers' requests, milliseconds. */
  coldBuildAllPeersMs: number;
  samples: number;
}

export type ResultRows = CoreBenchRow[];

export const SIZES = [100, 1_000, 10_000] as const;
export const TARGET_MS_PER_TURN_AT_10K = BUDGETS.coreMsPerTurnAt10k;

/** A conversation at a fixed size whose newest message is replaced by each benchmarked turn. */
class TurnLoop {
  private readonly roster = benchRoster();
  private readonly builder = new ContextBuilder();
  private readonly messages: Message[];
  private readonly input: ContextInput;
  private state: ArbiterState;
  private pending: Extract<ArbiterEffect, { type: 'start-turn' }>[] = [];
  private n = 0;
  private clock = 0;

  constructor(size: number) {
    this.messages = benchTranscript(size, this.roster);
    this.input = { roster: this.roster, mode: COLLABORATIVE_MODE, messages: this.messages };
    this.state = createArbiter({
      seed: 7,
      humanId: 'human',
      peers: arbiterPeersFromRoster(this.roster),
      mode: COLLABORATIVE_MODE,
      at: 0,
    }).state;
    this.builder.contextFills(this.input); // the conversation is open: its history is cached once
  }

  /** One peer turn: reply -> arbiter -> next request -> fill meters (starting a round when none runs). */
  turn(): number {
    this.n++;
    if (this.pending.length === 0) this.startRound();
    const turn = this.pending.shift()!;
    const messageId = `bench-${this.n}`;
    const { text, outcome } = outcomeFromReply(peerReply(this.n, this.roster), this.roster, turn.peerId, messageId, {
      tokens: { input: 1000, output: 150 },
    });
    // The reply becomes the newest message (the transcript keeps its size across iterations).
    this.messages[this.messages.length - 1] = {
      id: messageId,
      kind: 'peer',
      authorId: turn.peerId,
      text,
      status: 'complete',
      createdAt: this.n,
    };
    this.step({ type: 'turn-finished', at: ++this.clock, turnId: turn.turnId, outcome });
    if (this.pending.length === 0) this.startRound();
    const next = this.pending[0]!;
    const { request } = this.builder.buildPeerContext(this.input, next.peerId);
    const body = toAnthropicRequest(request);
    const fills = this.builder.contextFills(this.input);
    return body.messages.length + fills.length;
  }

  private startRound(): void {
    const text = humanText(this.n);
    const mentions = parseMentions(text, this.roster);
    this.step({
      type: 'human-message',
      at: ++this.clock,
      messageId: `h-${this.n}`,
      mentions: this.n % 4 === 0 ? { ...mentions, all: true } : mentions,
    });
  }

  private step(input: Parameters<typeof reduceArbiter>[1]): void {
    const { state, effects } = reduceArbiter(this.state, input);
    this.state = state;
    for (const effect of effects) if (effect.type === 'start-turn') this.pending.push(effect);
  }
}

function coldBuildMs(size: number): number {
  const roster = benchRoster();
  const input = { roster, mode: COLLABORATIVE_MODE, messages: benchTranscript(size, roster) };
  buildAllPeerContexts(input); // warm the JIT
  const runs = 5;
  const start = performance.now();
  for (let i = 0; i < runs; i++) buildAllPeerContexts(input);
  return (performance.now() - start) / runs;
}

/** Runs the benchmark and returns one row per size. */
export async function runCoreBench(): Promise<ResultRows> {
  const rows: ResultRows = [];
  for (const size of SIZES) {
    const loop = new TurnLoop(size);
    const bench = new Bench({ name: `core ${size}`, time: 1500, iterations: 200, warmupIterations: 50 });
    let sink = 0;
    bench.add(`turn @ ${size} messages`, () => {
      sink += loop.turn();
    });
    await bench.run();
    const result = bench.tasks[0]?.result;
    if (result === undefined || !('latency' in result))
      throw new Error(`benchmark at ${size} messages did not complete`);
    const previous = rows[rows.length - 1];
    rows.push({
      messages: size,
      peers: 8,
      meanMsPerTurn: round(result.latency.mean),
      p50MsPerTurn: round(result.latency.p50),
      p99MsPerTurn: round(result.latency.p99),
      growthFactor: previous ? round(result.latency.mean / previous.meanMsPerTurn, 2) : null,
      coldBuildAllPeersMs: round(coldBuildMs(size)),
      samples: result.latency.samplesCount,
    });
    if (sink < 0) console.log(sink); // keeps the work observable
  }
  return rows;
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Prints the table and writes `.artifacts/bench/core.json`. */
async function main(): Promise<void> {
  const rows = await runCoreBench();
  console.table(
    rows.map((row) => ({
      messages: row.messages,
      peers: row.peers,
      'ms/turn (mean)': row.meanMsPerTurn,
      'ms/turn (p50)': row.p50MsPerTurn,
      'ms/turn (p99)': row.p99MsPerTurn,
      'growth vs 10x fewer': row.growthFactor ?? '-',
      'cold build, 8 peers (ms)': row.coldBuildAllPeersMs,
    })),
  );
  const at10k = rows.find((row) => row.messages === 10_000);
  const verdict = at10k && at10k.meanMsPerTurn < TARGET_MS_PER_TURN_AT_10K ? 'meets' : 'MISSES';
  console.log(`Per-turn work at 10,000 messages ${verdict} the ${TARGET_MS_PER_TURN_AT_10K} ms target.`);
  const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', '.artifacts', 'bench', 'core.json');
  mkdirSync(dirname(out), { recursive: true });
  const report = { benchmark: 'core', node: process.version, targetMsPerTurnAt10k: TARGET_MS_PER_TURN_AT_10K, rows };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${out}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
