import { lazy, Suspense, useState } from 'react';
import { readEvalResults, type EvalSummary } from '../../store/index.ts';
import { FileButton } from '../common/FileButton.tsx';
import { Refusal } from '../common/Refusal.tsx';

const EvalCharts = lazy(() => import('./EvalCharts.tsx'));

const percent = (share: number) => `${Math.round(share * 100)} %`;
const cost = (usd: number | null) => (usd === null ? 'unknown' : `$${usd.toFixed(4)}`);

/** Imports an evaluation's results (`npm run eval`) and shows its strategies side by side, drawn and in a table. */
export function EvalResults() {
  const [summary, setSummary] = useState<EvalSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = async (text: string) => {
    const result = await readEvalResults(text);
    setProblem(result.ok ? null : result.message);
    if (result.ok) setSummary(result.summary);
  };
  return (
    <div className="flex flex-col gap-3">
      <FileButton
        label="Import evaluation results"
        accept=".json,application/json"
        onText={(text) => void load(text)}
      />
      {problem && <Refusal>{problem}</Refusal>}
      {summary && (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {summary.questions} questions, {summary.peers.map((peer) => peer.name).join(', ')}.
          </p>
          <Suspense fallback={<p className="text-xs">Drawing…</p>}>
            <EvalCharts rows={summary.strategies} />
          </Suspense>
          <table aria-label="Evaluation results" className="text-xs">
            <thead>
              <tr className="text-left">
                <th scope="col">Strategy</th>
                <th scope="col">Accuracy</th>
                <th scope="col">95 % interval</th>
                <th scope="col">Cost</th>
              </tr>
            </thead>
            <tbody>
              {summary.strategies.map((row) => (
                <tr key={row.label} data-strategy={row.label}>
                  <th scope="row" className="text-left font-normal">
                    {row.label}
                  </th>
                  <td>{percent(row.accuracy)}</td>
                  <td>
                    {percent(row.interval.low)} – {percent(row.interval.high)}
                  </td>
                  <td>{cost(row.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
