import { useEffect, useRef, useState } from 'react';

/** Matches the `md` breakpoint, where the drawers become columns. */
const WIDE_SCREEN = '(min-width: 768px)';

/**
 * Which drawer is open on a narrow screen (at most one). Closing one puts focus back on the header button that
 * opened it, once the header is no longer inert; widening the window closes it (and frees the page behind it).
 */
export function useDrawers<Id extends string>() {
  const [open, setOpen] = useState<Id | null>(null);
  // On wide screens the drawers are columns, which the keyboard (Alt+1, Alt+2) or their header button hides and shows.
  const [hidden, setHidden] = useState<ReadonlySet<Id>>(() => new Set());
  const toggles = useRef(new Map<Id, HTMLButtonElement>());
  const refocus = useRef<Id | null>(null);

  useEffect(() => {
    if (open !== null || refocus.current === null) return;
    const toggle = toggles.current.get(refocus.current);
    refocus.current = null;
    toggle?.focus();
  }, [open]);

  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const wide = matchMedia(WIDE_SCREEN);
    const close = () => {
      if (wide.matches) setOpen(null);
    };
    wide.addEventListener('change', close);
    return () => wide.removeEventListener('change', close);
  }, []);

  const close = () => {
    refocus.current = open;
    setOpen(null);
  };

  const toggle = (id: Id) => (open === id ? close() : setOpen(id));
  return {
    open,
    close,
    toggle,
    /** True when column `id` is hidden on wide screens. */
    hiddenWide: (id: Id) => hidden.has(id),
    /** Opens or closes drawer `id` on a narrow screen; hides or shows its column on a wide one. */
    toggleHere: (id: Id) => {
      if (typeof matchMedia === 'function' && matchMedia(WIDE_SCREEN).matches)
        setHidden((current) => {
          const next = new Set(current);
          if (!next.delete(id)) next.add(id);
          return next;
        });
      else toggle(id);
    },
    /** The ref of the header button that opens drawer `id`. */
    toggleRef: (id: Id) => (button: HTMLButtonElement | null) => {
      if (button) toggles.current.set(id, button);
      else toggles.current.delete(id);
    },
  };
}
