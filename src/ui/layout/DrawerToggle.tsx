import type { Ref } from 'react';

/** The header button that opens a drawer on narrow screens (wide screens show the drawer as a column). */
export function DrawerToggle({
  label,
  drawerId,
  expanded,
  onClick,
  buttonRef,
}: {
  label: string;
  drawerId: string;
  expanded: boolean;
  onClick: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-expanded={expanded}
      aria-controls={drawerId}
      onClick={onClick}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm md:hidden dark:border-slate-700"
    >
      {label}
    </button>
  );
}
