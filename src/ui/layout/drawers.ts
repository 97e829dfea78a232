import { useEffect, useRef, useState } from 'react';

/** Matches the `md` breakpoint, where the drawers become columns. */
const WIDE_SCREEN = '(min-width: 768px)';

/**
 * Which drawer is open on a narrow screen (at most one). Closing one puts focus back on the header button that
 * opened it, once the header is no longer inert; widening the window closes it (and frees the page behind it).
 */
export function useDrawers<Id extends string>() {
  const [open, setOpen] = useState<Id | null>(null);
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

  return {
    open,
    close,
    toggle: (id: Id) => (open === id ? close() : setOpen(id)),
    /** The ref of the header button that opens drawer `id`. */
    toggleRef: (id: Id) => (button: HTMLButtonElement | null) => {
      if (button) toggles.current.set(id, button);
      else toggles.current.delete(id);
    },
  };
}
