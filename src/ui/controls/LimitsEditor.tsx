import { useId, useState, type FormEvent } from 'react';
import { LIMIT_RULES, smallestAccepted } from '../../store/index.ts';
import type { ConversationLimits, LimitOverrides, NumberRule } from '../../store/index.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/** Governance limits of the room (profile §5.5), as the human edits them; refused values are explained. */
export function LimitsEditor() {
  const current = useRoomStore((state) => state.effectiveLimits);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A new form whenever the limits in force change (mode switch, import, applied), so the draft never goes stale.
  return <LimitsForm key={JSON.stringify(current)} current={current} outcome={outcome} onOutcome={setOutcome} />;
}

type Outcome = { ok: boolean; message: string };

type Draft = Record<'maxTurnsPerRound' | 'maxDepth' | 'pingPong' | 'tokenBudget' | 'costBudgetUsd', string> &
  Pick<ConversationLimits, 'parallelFirstWave' | 'abortInFlightOnHumanMessage'>;

function draftOf(limits: ConversationLimits): Draft {
  return {
    maxTurnsPerRound: String(limits.maxTurnsPerRound),
    maxDepth: String(limits.maxDepth),
    pingPong: String(limits.pingPong),
    tokenBudget: limits.tokenBudget === null ? '' : String(limits.tokenBudget),
    costBudgetUsd: limits.costBudgetUsd === null ? '' : String(limits.costBudgetUsd),
    parallelFirstWave: limits.parallelFirstWave,
    abortInFlightOnHumanMessage: limits.abortInFlightOnHumanMessage,
  };
}

/** A number field as typed: blank → NaN for required fields (the store says why), null for budgets. */
const required = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
const optional = (value: string) => (value.trim() === '' ? null : Number(value));

/** Only what the human changed, so untouched limits keep following the mode and the number of peers. */
function changes(draft: Draft, current: ConversationLimits): LimitOverrides {
  const next: ConversationLimits = {
    maxTurnsPerRound: required(draft.maxTurnsPerRound),
    maxDepth: required(draft.maxDepth),
    pingPong: required(draft.pingPong),
    tokenBudget: optional(draft.tokenBudget),
    costBudgetUsd: optional(draft.costBudgetUsd),
    parallelFirstWave: draft.parallelFirstWave,
    abortInFlightOnHumanMessage: draft.abortInFlightOnHumanMessage,
  };
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ConversationLimits)[]) {
    if (!Object.is(next[key], current[key])) changed[key] = next[key];
  }
  return changed as LimitOverrides;
}

/** The number fields; their bounds are the core's limit rules (the store applies the same rules and says why). */
const NUMBER_FIELDS: { key: keyof typeof LIMIT_RULES; label: string; hint: string }[] = [
  { key: 'maxTurnsPerRound', label: 'Max turns per round', hint: 'Peer turns one message can set off.' },
  { key: 'maxDepth', label: 'Max mention depth', hint: 'How far peers may hand over to each other.' },
  { key: 'pingPong', label: 'Ping-pong limit', hint: 'Times two peers may answer each other in a row.' },
  { key: 'tokenBudget', label: 'Token budget per round', hint: 'Blank: no budget.' },
  { key: 'costBudgetUsd', label: 'Cost budget per round (USD)', hint: 'Blank: no budget.' },
];

/**
 * A number input's bounds from the rule: a whole number above the minimum starts one higher; a decimal one starts at
 * the minimum (HTML cannot say "just above it"; the store refuses it with the rule's message).
 */
function inputBounds(rule: NumberRule) {
  return rule.whole
    ? { min: smallestAccepted(rule, 1), max: rule.max, step: '1' }
    : { min: rule.min, max: rule.max, step: 'any' };
}

function LimitsForm({
  current,
  outcome,
  onOutcome: setOutcome,
}: {
  current: ConversationLimits;
  outcome: Outcome | null;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { setLimits } = useRoomActions();
  const [draft, setDraft] = useState(() => draftOf(current));
  const formId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = changes(draft, current);
    if (Object.keys(patch).length === 0) {
      setOutcome({ ok: true, message: 'Nothing changed.' });
      return;
    }
    const result = setLimits(patch);
    setOutcome(result.ok ? { ok: true, message: 'Limits applied.' } : result);
  };

  return (
    // noValidate: the store's rules judge what was typed and say why, the same words a file import would get.
    <form onSubmit={submit} noValidate aria-label="Limits" className="flex flex-col gap-3">
      {NUMBER_FIELDS.map((field) => (
        <div key={field.key} className="flex flex-col gap-0.5">
          <label htmlFor={`${formId}-${field.key}`} className="text-sm font-medium">
            {field.label}
          </label>
          <input
            id={`${formId}-${field.key}`}
            type="number"
            inputMode="numeric"
            {...inputBounds(LIMIT_RULES[field.key])}
            value={draft[field.key]}
            aria-describedby={`${formId}-${field.key}-hint`}
            onChange={(event) => setDraft({ ...draft, [field.key]: event.target.value })}
            className="w-40 rounded-md border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700"
          />
          <span id={`${formId}-${field.key}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            {field.hint}
          </span>
        </div>
      ))}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.parallelFirstWave}
          onChange={(event) => setDraft({ ...draft, parallelFirstWave: event.target.checked })}
        />
        Independent first answers (first wave in parallel)
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.abortInFlightOnHumanMessage}
          onChange={(event) => setDraft({ ...draft, abortInFlightOnHumanMessage: event.target.checked })}
        />
        A new message stops replies still being written
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Apply limits
        </button>
        {outcome &&
          (outcome.ok ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
              {outcome.message}
            </p>
          ) : (
            <Refusal>{outcome.message}</Refusal>
          ))}
      </div>
    </form>
  );
}
