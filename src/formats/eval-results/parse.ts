/**
 * An evaluation's results file (`results.json`, written by `npm run eval`), read back to show its comparison: the
 * strategies' rows are checked field by field; the per-question detail is kept as it is, unread.
 */
import { z } from 'zod';
import { parseJsonSafely } from '../conversation/safe-json.ts';

export const EVAL_RESULTS_FORMAT = 'peerchat.eval';

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);

const strategyRowSchema = z.object({
  strategy: z.enum(['single', 'vote', 'council', 'debate']),
  label: z.string().min(1).max(200),
  peerId: z.string().max(200).optional(),
  correct: count,
  total: count,
  accuracy: share,
  interval: z.object({ low: share, high: share }),
  inputTokens: count,
  outputTokens: count,
  costUsd: z.number().min(0).nullable(),
  medianLatencyMs: z.number().min(0).nullable(),
  failed: count,
});

const resultsSchema = z.object({
  format: z.literal(EVAL_RESULTS_FORMAT),
  version: z.literal(1),
  startedAt: z.string().max(64),
  peers: z.array(z.object({ id: z.string().max(200), name: z.string().max(200), model: z.string().max(200) })).max(64),
  questions: count,
  strategies: z.array(strategyRowSchema).min(1).max(100),
  answers: z.array(z.unknown()).optional(),
});

export type EvalStrategyRow = z.infer<typeof strategyRowSchema>;
/** What the comparison shows: the run and each strategy's row. */
export type EvalSummary = Omit<z.infer<typeof resultsSchema>, 'answers'>;

/** Reads a results file; a bad one gets one sentence naming its first bad field. */
export function parseEvalResults(text: string): { ok: true; summary: EvalSummary } | { ok: false; message: string } {
  const json = parseJsonSafely(text, { maxChars: 50_000_000, maxDepth: 64 });
  if (!json.ok) return { ok: false, message: `These are not evaluation results: ${json.message}` };
  const parsed = resultsSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    return { ok: false, message: `These are not evaluation results: ${path ? `${path}: ` : ''}${issue.message}` };
  }
  const { answers: _answers, ...summary } = parsed.data;
  return { ok: true, summary };
}
