import { lazy, Suspense, useEffect, useRef, useState } from 'react';

/** The flow's code is fetched when the button is first pressed, not with the page. */
const AddAiFlow = lazy(() => import('./AddAiFlow.tsx'));

/** "Add an AI" in the header: opens the flow that seats a real provider's model. */
export function AddAiButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus goes back to the button once the flow's modal dialog has left the page.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md bg-indigo-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Add an AI
      </button>
      {open && (
        <Suspense fallback={null}>
          <AddAiFlow onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
