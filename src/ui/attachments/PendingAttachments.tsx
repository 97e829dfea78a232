import type { ChangeEvent } from 'react';
import { ATTACHABLE_FILE_TYPES, visionWarning } from '../../store/index.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { AttachmentChip } from './AttachmentChip.tsx';

/** The file picker ("Attach files"): hands the chosen files to `onFiles`, then clears itself. */
export function AttachButton({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <label
      title="Attach files (or drop or paste them here)"
      className={`relative inline-flex h-11 items-center rounded-md border border-slate-300 px-3 text-sm has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 dark:border-slate-700 ${disabled ? 'opacity-50' : 'cursor-pointer hover:bg-slate-100 dark:hover:bg-slate-800'}`}
    >
      Attach
      <input
        type="file"
        multiple
        aria-label="Attach files"
        accept={ATTACHABLE_FILE_TYPES}
        disabled={disabled}
        onChange={pick}
        className="absolute inset-0 w-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
      />
    </label>
  );
}

/** The files waiting for the next message, each with a remove button, and who cannot see the images among them. */
export function PendingAttachments() {
  const { removeAttachment } = useRoomActions();
  const pending = useRoomStore((state) => state.pendingAttachments);
  const reading = useRoomStore((state) => state.attachmentsReading);
  const peers = useRoomStore((state) => state.peers);
  const hasImages = pending.some((file) => file.ref.kind === 'image');
  const warning = hasImages ? visionWarning(peers) : null;
  if (pending.length === 0 && reading === 0) return null;
  return (
    <div className="mx-auto mb-2 max-w-3xl">
      <ul aria-label="Files to send" className="flex flex-wrap gap-2">
        {pending.map(({ ref }) => (
          <AttachmentChip key={ref.id} file={ref} onRemove={() => removeAttachment(ref.id)} />
        ))}
      </ul>
      {reading > 0 && (
        <p role="status" className="mt-1 px-1 text-sm text-slate-500">
          Reading {reading === 1 ? 'a file' : `${reading} files`}…
        </p>
      )}
      {warning && <p className="mt-1 px-1 text-sm text-amber-900 dark:text-amber-100">{warning}</p>}
    </div>
  );
}
