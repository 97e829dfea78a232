/**
 * The evaluation's comparison, drawn with Chart.js (loaded with this module, on demand): each strategy's accuracy
 * with its 95 % interval, and accuracy set against cost. The table beside it (EvalResults) carries the same figures
 * for screen readers and for copying.
 */
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useRef } from 'react';
import type { EvalStrategyRow } from '../../store/index.ts';

Chart.register(...registerables);

const INDIGO = 'rgb(79 70 229)';
const SLATE = 'rgb(100 116 139)';

function accuracyChart(rows: readonly EvalStrategyRow[]): ChartConfiguration<'bar', (number | [number, number])[]> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        { label: 'Accuracy', data: rows.map((row) => row.accuracy * 100), backgroundColor: INDIGO },
        {
          label: '95 % interval',
          data: rows.map((row): [number, number] => [row.interval.low * 100, row.interval.high * 100]),
          backgroundColor: 'rgb(148 163 184 / 0.5)',
          barPercentage: 0.3,
        },
      ],
    },
    options: {
      animation: false,
      indexAxis: 'y',
      scales: { x: { min: 0, max: 100, title: { display: true, text: 'Accuracy (%)' } } },
    },
  };
}

function costChart(rows: readonly EvalStrategyRow[]): ChartConfiguration<'scatter'> {
  return {
    type: 'scatter',
    data: {
      datasets: rows
        .filter((row) => row.costUsd !== null)
        .map((row, index) => ({
          label: row.label,
          data: [{ x: row.costUsd!, y: row.accuracy * 100 }],
          backgroundColor: index % 2 === 0 ? INDIGO : SLATE,
          pointRadius: 6,
        })),
    },
    options: {
      animation: false,
      scales: {
        x: { title: { display: true, text: 'Cost (US$)' }, beginAtZero: true },
        y: { min: 0, max: 100, title: { display: true, text: 'Accuracy (%)' } },
      },
    },
  };
}

function useChart<T extends ChartConfiguration<'bar', (number | [number, number])[]> | ChartConfiguration<'scatter'>>(
  config: T,
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    // Chart.js's generic types do not follow a union of configurations; each one above is typed where it is made.
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    canvas.current.dataset.chart = 'drawn';
    return () => chart.destroy();
  }, [config]);
  return canvas;
}

export default function EvalCharts({ rows }: { rows: readonly EvalStrategyRow[] }) {
  const accuracy = useChart(useMemo(() => accuracyChart(rows), [rows]));
  const costs = useChart(useMemo(() => costChart(rows), [rows]));
  const priced = rows.some((row) => row.costUsd !== null);
  return (
    <div className="flex flex-col gap-3">
      <canvas ref={accuracy} role="img" aria-label="Accuracy of each strategy, with its 95 % interval" />
      {priced && <canvas ref={costs} role="img" aria-label="Accuracy against cost, one point per strategy" />}
    </div>
  );
}
