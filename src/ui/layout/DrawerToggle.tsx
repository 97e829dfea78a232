import type { Ref } from 'react';

/**
 * The header button that opens a drawer on narrow screens; on wide screens, where the drawer is a column, it shows
 * only while that column is hidden, to bring it back.
 */
export function DrawerToggle({
  label,
  drawerId,
  expanded,
  onClick,
  buttonRef,
  hiddenWide = false,
}: {
  label: string;
  drawerId: string;
  expanded: boolean;
  onClick: () => void;
  buttonRef: Ref<HTMLButtonElement>;
  hiddenWide?: boolean;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-expanded={expanded}
      aria-controls={drawerId}
      onClick={onClick}
      className={`rounded-md border border-slate-300 px-2.5 py-1 text-sm dark:border-slate-700 ${hiddenWide ? '' : 'md:hidden'}`}
    >
      {label}
    </button>
  );
}
