import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ConversationFiles } from '../conversations/ConversationFiles.tsx';
import { EndConversation } from '../conversations/EndConversation.tsx';
import { LimitsEditor } from '../controls/LimitsEditor.tsx';
import { ShareReasoning } from '../controls/ShareReasoning.tsx';
import { EventLog } from '../events/EventLog.tsx';
import { RoomPanel } from '../peers/RoomPanel.tsx';
import { ProvidersPanel } from '../providers/ProvidersPanel.tsx';
import { ExportRoom } from '../roomfile/ExportRoom.tsx';
import { Drawer } from './Drawer.tsx';

interface Tab {
  id: string;
  label: string;
  content: () => ReactNode;
}

const TABS: readonly Tab[] = [
  { id: 'room', label: 'Room', content: () => <RoomPanel /> },
  { id: 'events', label: 'Events', content: () => <EventLog /> },
  { id: 'providers', label: 'Providers', content: () => <ProvidersPanel /> },
  { id: 'settings', label: 'Settings', content: () => <SettingsPanel /> },
];

export const SIDE_PANEL_ID = 'side-panel';

/**
 * Room, event log, providers and settings, as tabs. A column beside the conversation on wide screens; below 768px a
 * drawer that the header's "Panels" button opens and Escape or "Close panels" closes.
 */
export function SidePanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [active, setActive] = useState(TABS[0]!.id);
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
          {tab.content()}
        </section>
      ))}
    </Drawer>
  );
}

function SettingsPanel() {
  return (
    <div className="flex flex-col gap-6">
      <SettingsSection title="Limits per round">
        <LimitsEditor />
      </SettingsSection>
      <SettingsSection
        title="Reasoning"
        hint="Off: each peer’s reasoning stays with you. On: the other peers get it too, marked, before that peer’s answer."
      >
        <ShareReasoning />
      </SettingsSection>
      <SettingsSection
        title="Conversation file"
        hint="Save the open conversation: Markdown to read, PeerChat JSON to bring back, an MPLP bundle for other tools. API keys are never included."
      >
        <ConversationFiles />
      </SettingsSection>
      <SettingsSection
        title="End the conversation"
        hint="Records that the session is complete; the conversation stays in the list, read-only. Duplicate it to go on."
      >
        <EndConversation />
      </SettingsSection>
      <SettingsSection
        title="Room file"
        hint="Save who sits at the table and how the table is run. Load one with “Import room” at the top."
      >
        <ExportRoom />
      </SettingsSection>
    </div>
  );
}

function SettingsSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-sm font-semibold">
        {title}
      </h2>
      {hint && <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      {children}
    </section>
  );
}
