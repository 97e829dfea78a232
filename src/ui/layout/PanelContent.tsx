import { useId, type ReactNode } from 'react';
import { ConversationFiles } from '../conversations/ConversationFiles.tsx';
import { EndConversation } from '../conversations/EndConversation.tsx';
import { CouncilDefault } from '../controls/CouncilDefault.tsx';
import { LimitsEditor } from '../controls/LimitsEditor.tsx';
import { ShareReasoning } from '../controls/ShareReasoning.tsx';
import { ModelPrices } from '../costs/ModelPrices.tsx';
import { EvalResults } from '../eval/EvalResults.tsx';
import { EventLog } from '../events/EventLog.tsx';
import { RoomPanel } from '../peers/RoomPanel.tsx';
import { ProvidersPanel } from '../providers/ProvidersPanel.tsx';
import { ExportRoom } from '../roomfile/ExportRoom.tsx';

export type PanelTabId = 'room' | 'events' | 'providers' | 'settings';

/** One side panel tab's content (SidePanel loads this module once the page has drawn). */
export default function PanelContent({ tab }: { tab: PanelTabId }) {
  switch (tab) {
    case 'room':
      return <RoomPanel />;
    case 'events':
      return <EventLog />;
    case 'providers':
      return <ProvidersPanel />;
    case 'settings':
      return <SettingsPanel />;
  }
}

function SettingsPanel() {
  return (
    <div className="flex flex-col gap-6">
      <SettingsSection title="Limits per round">
        <LimitsEditor />
      </SettingsSection>
      <SettingsSection
        title="Model prices"
        hint="US dollars per million tokens, from the catalog until you set your own. They price every turn shown and the cost budget."
      >
        <ModelPrices />
      </SettingsSection>
      <SettingsSection
        title="Council"
        hint="A council round: every peer answers on its own; with “review and vote” each then reviews the others’ anonymised answers and votes. The result shows the consensus and the dissent. The composer can choose another round for one message."
      >
        <CouncilDefault />
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
        title="Evaluation results"
        hint="Compare strategies measured with “npm run eval” on your own questions: import its results.json."
      >
        <EvalResults />
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
