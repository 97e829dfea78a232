import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PanelTabId } from './PanelContent.tsx';
import { Drawer } from './Drawer.tsx';

interface Tab {
  id: PanelTabId;
  label: string;
}

const TABS: readonly Tab[] = [
  { id: 'room', label: 'Room' },
  { id: 'events', label: 'Events' },
  { id: 'providers', label: 'Providers' },
  { id: 'settings', label: 'Settings' },
];

/** Resolves once the browser has drawn the page's first frame. */
function afterFirstFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The panels' contents are a chunk of their own, fetched once the page has drawn: with eight peers they are most of
 * the page's elements, and opening a long conversation should not wait for them.
 */
const PanelContent = lazy(() => afterFirstFrame().then(() => import('./PanelContent.tsx')));

export const SIDE_PANEL_ID = 'side-panel';

/**
 * Room, event log, providers and settings, as tabs. A column beside the conversation on wide screens; below 768px a
 * drawer that the header's "Panels" button opens and Escape or "Close panels" closes.
 */
export function SidePanel({
  open,
  onClose,
  hiddenWide = false,
}: {
  open: boolean;
  onClose: () => void;
  hiddenWide?: boolean;
}) {
  const [active, setActive] = useState<PanelTabId>(TABS[0]!.id);
  // A tab's content is made when first shown, then kept (a half-filled form survives a look at another tab).
  const [shown, setShown] = useState<ReadonlySet<PanelTabId>>(() => new Set([active]));
  if (!shown.has(active)) setShown(new Set([...shown, active]));
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const id = useId();

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((tab) => tab.id === active);
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    const tab = TABS[target]!;
    setActive(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };

  const tabs = (
    <div role="tablist" aria-label="Panels" onKeyDown={onTabKey} className="flex min-w-0 flex-1 gap-1 overflow-x-auto">
      {TABS.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            if (element) tabRefs.current.set(tab.id, element);
            else tabRefs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={`${id}-${tab.id}-tab`}
          aria-selected={active === tab.id}
          aria-controls={`${id}-${tab.id}-panel`}
          tabIndex={active === tab.id ? 0 : -1}
          onClick={() => setActive(tab.id)}
          className="shrink-0 border-b-2 border-transparent px-2.5 py-2 text-sm aria-selected:border-indigo-600 aria-selected:font-semibold"
        >
          {tab.label}
        </button>
      ))}
    </div>
  );

  return (
    <Drawer
      id={SIDE_PANEL_ID}
      label="Room and settings"
      side="right"
      open={open}
      onClose={onClose}
      closeLabel="Close panels"
      toolbar={tabs}
      hiddenWide={hiddenWide}
    >
      {TABS.map((tab) => (
        <section
          key={tab.id}
          role="tabpanel"
          id={`${id}-${tab.id}-panel`}
          aria-labelledby={`${id}-${tab.id}-tab`}
          hidden={active !== tab.id}
          tabIndex={0}
          className="min-h-0 flex-1 overflow-y-auto p-3"
        >
          {shown.has(tab.id) && (
            <Suspense fallback={<p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>}>
              <PanelContent tab={tab.id} />
            </Suspense>
          )}
        </section>
      ))}
    </Drawer>
  );
}
