import type { CouncilRequest, CouncilStrategy } from '../../store/index.ts';

/** How a message's round runs: the usual turn-taking, or a council round with one of its strategies. */
export type RoundChoice = 'turns' | CouncilStrategy;

export const ROUND_CHOICES: readonly { value: RoundChoice; label: string }[] = [
  { value: 'turns', label: 'Turn-taking' },
  { value: 'vote', label: 'Majority vote' },
  { value: 'council', label: 'Council: review and vote' },
];

export function roundChoiceOf(council: CouncilRequest | null | undefined): RoundChoice {
  return council?.strategy ?? 'turns';
}

/** The council request of a choice, with the room's synthesizer (null: the usual turn-taking). */
export function councilOf(choice: RoundChoice, roomDefault: CouncilRequest | null | undefined): CouncilRequest | null {
  if (choice === 'turns') return null;
  const synthesizerId = roomDefault?.synthesizerId;
  return { strategy: choice, ...(synthesizerId ? { synthesizerId } : {}) };
}

export function RoundPicker({
  label,
  value,
  onChange,
  disabled,
  className = '',
}: {
  label: string;
  value: RoundChoice;
  onChange: (choice: RoundChoice) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.value as RoundChoice)}
      className={`rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      {ROUND_CHOICES.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
