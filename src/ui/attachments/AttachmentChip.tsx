import type { AttachmentRef } from '../../store/index.ts';
import { useAttachmentUrl } from './use-attachment-url.ts';

const KIND_LABEL: Record<AttachmentRef['kind'], string> = { image: 'Image', text: 'Text', pdf: 'PDF' };

/** "12 kB", "1.4 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * One attached file: a thumbnail for an image, else its name. The thumbnail is a blob: URL of bytes this browser
 * holds (stored here, or fetched from a shared room's server and checked by hash), never a remote URL.
 */
export function AttachmentChip({ file, onRemove }: { file: AttachmentRef; onRemove?: () => void }) {
  const url = useAttachmentUrl(file.id, file.mimeType, file.kind === 'image');
  return (
    <li
      data-attachment={file.name}
      className="flex max-w-64 items-center gap-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      {url ? (
        <img src={url} alt={file.name} className="h-10 w-10 rounded object-cover" />
      ) : (
        <span aria-hidden="true" className="text-xs font-semibold text-slate-500">
          {KIND_LABEL[file.kind]}
        </span>
      )}
      <span className="min-w-0 truncate" title={file.name}>
        {file.name}
      </span>
      <span className="shrink-0 text-xs text-slate-500">{fileSize(file.size)}</span>
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${file.name}`}
          className="shrink-0 rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800"
        >
          ×
        </button>
      )}
    </li>
  );
}

/** The files attached to a sent message. */
export function MessageAttachments({ files }: { files: readonly AttachmentRef[] | undefined }) {
  if (!files || files.length === 0) return null;
  return (
    <ul aria-label="Attached files" className="mt-2 flex flex-wrap gap-2">
      {files.map((file) => (
        <AttachmentChip key={file.id} file={file} />
      ))}
    </ul>
  );
}
