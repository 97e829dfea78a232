import { useEffect, useRef, type ReactNode } from 'react';

const SIDE_CLASS = {
  left: 'md:w-72 md:border-r',
  right: 'md:w-96 md:border-l',
} as const;

/**
 * A column beside the conversation on wide screens; below 768px a modal drawer over the page, opened by a header
 * button (see `useDrawers`) and closed with Escape or its close button, which takes focus when it opens.
 * With `landmark`, the column is a named `aside`; without, the caller puts its own landmark inside.
 */
export function Drawer({
  id,
  label,
  side,
  landmark = true,
  open,
  onClose,
  closeLabel,
  toolbar,
  hiddenWide = false,
  children,
}: {
  id: string;
  /** The landmark's name and, while open, the dialog's. */
  label: string;
  side: keyof typeof SIDE_CLASS;
  landmark?: boolean;
  open: boolean;
  onClose: () => void;
  closeLabel: string;
  /** Shown in the drawer's top bar, before the close button (e.g. tabs). */
  toolbar?: ReactNode;
  /** The column is hidden on wide screens (the human hid it). */
  hiddenWide?: boolean;
  children: ReactNode;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  // Open on a phone it is a modal dialog, which an `aside` may not be.
  const Element = landmark && !open ? 'aside' : 'div';
  return (
    <Element
      id={id}
      aria-label={landmark || open ? label : undefined}
      role={open ? 'dialog' : undefined}
      aria-modal={open ? true : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          onClose();
        }
      }}
      className={`${open ? 'fixed inset-0 z-40 flex' : 'hidden'} flex-col bg-white md:static md:z-auto ${hiddenWide ? 'md:hidden' : 'md:flex'} md:shrink-0 md:border-slate-200 dark:bg-slate-950 md:dark:border-slate-800 ${SIDE_CLASS[side]}`}
    >
      {(toolbar !== undefined || open) && (
        <div className="flex items-center gap-1 border-b border-slate-200 px-2 dark:border-slate-800">
          {toolbar}
          {open && (
            <button
              ref={closeRef}
              type="button"
              onClick={onClose}
              aria-label={closeLabel}
              title={closeLabel}
              className="ml-auto shrink-0 rounded-md px-2.5 py-1 text-lg leading-none hover:bg-slate-100 md:hidden dark:hover:bg-slate-800"
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
      )}
      {children}
    </Element>
  );
}
