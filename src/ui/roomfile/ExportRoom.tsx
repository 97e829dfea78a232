import { useId, useState } from 'react';
import { fileStem } from '../../store/index.ts';
import { downloadFile } from '../common/download.ts';
import { useRoomActions, useRoomStoreApi } from '../state/room-store.tsx';

/** A file name from the room's name: "Design review" → "design-review.peerchat-room.json". */
export function exportFileName(roomName: string): string {
  return `${fileStem(roomName, 'room')}.peerchat-room.json`;
}

/** "Export room": downloads the room file; API keys only when the human ticks "Include API keys". */
export function ExportRoom() {
  const { exportRoom } = useRoomActions();
  const store = useRoomStoreApi();
  const [includeKeys, setIncludeKeys] = useState(false);
  const warningId = useId();

  const download = () =>
    downloadFile({
      filename: exportFileName(store.getState().name),
      mimeType: 'application/json',
      data: exportRoom({ includeKeys }),
    });

  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={includeKeys}
          aria-describedby={includeKeys ? warningId : undefined}
          onChange={(event) => setIncludeKeys(event.target.checked)}
        />
        Include API keys
      </label>
      {includeKeys && (
        <p id={warningId} className="text-xs text-amber-800 dark:text-amber-200">
          Anyone who gets this file can use your keys.
        </p>
      )}
      <button
        type="button"
        onClick={download}
        className="self-start rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        Export room
      </button>
    </div>
  );
}
