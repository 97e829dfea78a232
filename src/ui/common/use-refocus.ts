import { useCallback, useRef } from 'react';

/**
 * Puts focus back on an element when it renders again, e.g. the button that opened an inline form once the form has
 * closed. Give the callback ref to the element and call `arm()` when closing the form.
 */
export function useRefocus<T extends HTMLElement>(): [ref: (element: T | null) => void, arm: () => void] {
  const pending = useRef(false);
  const ref = useCallback((element: T | null) => {
    if (element && pending.current) {
      pending.current = false;
      element.focus();
    }
  }, []);
  const arm = useCallback(() => {
    pending.current = true;
  }, []);
  return [ref, arm];
}
