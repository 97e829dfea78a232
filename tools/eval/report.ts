/** The evaluation's report: `results.json` (everything) and `report.md` (a table and a chart of the accuracies). */
import type { EvalResults, StrategyRow } from './run.ts';

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
const BAR = 30;

/** `████████░░░░` for the accuracy, with `│` where the 95 % interval starts and ends. */
export function accuracyBar(row: Pick<StrategyRow, 'accuracy' | 'interval'>): string {
  const filled = Math.round(row.accuracy * BAR);
  const cells: string[] = Array.from({ length: BAR }, (_, index) => (index < filled ? '█' : '░'));
  const low = Math.min(BAR - 1, Math.floor(row.interval.low * BAR));
  const high = Math.min(BAR - 1, Math.max(low, Math.ceil(row.interval.high * BAR) - 1));
  cells[low] = '│';
  cells[high] = '│';
  return cells.join('');
}

function cost(row: StrategyRow): string {
  return row.costUsd === null ? 'unknown' : `$${row.costUsd.toFixed(4)}`;
}

export function reportMarkdown(results: EvalResults): string {
  const rows = results.strategies;
  const width = Math.max(...rows.map((row) => row.label.length));
  const lines = [
    '# Does the room beat one model?',
    '',
    `${results.questions} questions, ${results.peers.length} peers (${results.peers.map((peer) => `${peer.name}: ${peer.model}`).join(', ')}), started ${results.startedAt}.`,
    '',
    '| Strategy | Accuracy | 95 % interval | Correct | Tokens in / out | Cost | Median latency | Failed replies |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.label} | ${percent(row.accuracy)} | ${percent(row.interval.low)} – ${percent(row.interval.high)} | ${row.correct} / ${row.total} | ${row.inputTokens} / ${row.outputTokens} | ${cost(row)} | ${row.medianLatencyMs === null ? '—' : `${Math.round(row.medianLatencyMs)} ms`} | ${row.failed} |`,
    ),
    '',
    'Accuracy (█), with the 95 % interval between the │ marks (Wilson score interval):',
    '',
    '```',
    ...rows.map((row) => `${row.label.padEnd(width)}  ${accuracyBar(row)}  ${percent(row.accuracy)}`),
    '```',
    '',
    '`vote` is the most frequent of the peers’ independent answers (a tie goes to the earliest seat’s); its cost is',
    'all their replies, its latency the slowest. `council` then has each peer review the others’ answers, anonymised',
    'and shuffled per reviewer, and takes the most-voted one; its cost and latency add the reviews. `debate` has each',
    'peer see the others’ latest answers and answer again, round after round, and takes the vote of the last round.',
    'Every reply, with the answer read from it, and each council vote with its reason, is in `results.json`.',
    '',
  ];
  return lines.join('\n');
}
