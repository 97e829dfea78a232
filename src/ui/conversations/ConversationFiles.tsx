import { useState } from 'react';
import { exportConversation, type ConversationFormat } from '../../store/index.ts';
import { downloadFile } from '../common/download.ts';
import { FileButton } from '../common/FileButton.tsx';
import { Refusal } from '../common/Refusal.tsx';
import { useLibraryActions } from '../state/library-store.tsx';
import { useRoomStoreApi } from '../state/room-store.tsx';

const EXPORTS: readonly { format: ConversationFormat; label: string }[] = [
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'json', label: 'Export PeerChat JSON' },
  { format: 'mplp', label: 'Export MPLP bundle' },
];

const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800';

/** The open conversation as a file (never with API keys), and a PeerChat JSON file back in as a new conversation. */
export function ConversationFiles() {
  return (
    <div className="flex flex-col gap-3">
      <ExportConversation />
      <ImportConversation />
    </div>
  );
}

function ExportConversation() {
  const store = useRoomStoreApi();
  const [busy, setBusy] = useState<ConversationFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (format: ConversationFormat) => {
    setBusy(format);
    try {
      downloadFile(await exportConversation(store.getState(), format));
      setProblem(null);
    } catch (error) {
      setProblem(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {EXPORTS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            disabled={busy !== null}
            aria-busy={busy === format}
            onClick={() => void download(format)}
            className={BUTTON}
          >
            {label}
          </button>
        ))}
      </div>
      {problem && <Refusal>{problem}</Refusal>}
    </div>
  );
}

function ImportConversation() {
  const { importConversation } = useLibraryActions();
  const store = useRoomStoreApi();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const load = async (text: string) => {
    const result = await importConversation(text);
    setOutcome(result.ok ? { ok: true, message: `Imported “${store.getState().title}”.` } : result);
  };

  return (
    <div className="flex flex-col gap-1">
      <FileButton label="Import conversation" accept=".json,application/json" onText={(text) => void load(text)} />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        A PeerChat JSON file opens as a new conversation; the one open now stays in the list.
      </p>
      <div role="status" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-300">
        {outcome?.ok && outcome.message}
      </div>
      {outcome && !outcome.ok && <Refusal>{outcome.message}</Refusal>}
    </div>
  );
}
