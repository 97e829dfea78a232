import { useState } from 'react';
import { FileButton } from '../common/FileButton.tsx';
import { useRoomActions } from '../state/room-store.tsx';

/** The room's name as the file states it, for the confirmation (the store validates the file itself). */
export function roomNameOf(json: string): string | null {
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === 'object' && 'name' in parsed && typeof parsed.name === 'string') {
      const name = parsed.name.trim();
      if (name !== '' && name.length <= 200) return name;
    }
  } catch {
    // Not JSON: the store says so when it refuses the file.
  }
  return null;
}

/**
 * "Import room": loads a room file (profile §11, keys included) and, once the human confirms, replaces the room.
 * A refused file changes nothing and says why.
 */
export function ImportRoom() {
  const { importRoom } = useRoomActions();
  const [error, setError] = useState<string | null>(null);

  const load = async (json: string, fileName: string) => {
    const name = roomNameOf(json) ?? fileName;
    if (!window.confirm(`Replace the current room with “${name}”?`)) return;
    const result = await importRoom(json);
    setError(result.ok ? null : result.message);
  };

  return (
    <div className="relative">
      <FileButton
        label="Import room"
        accept=".json,application/json"
        onText={(json, fileName) => void load(json, fileName)}
      />
      {error && (
        <div
          role="alert"
          className="absolute top-full right-0 z-30 mt-1 flex w-80 items-start gap-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800 shadow-lg dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p className="flex-1">{error}</p>
          <button
            type="button"
            onClick={() => setError(null)}
            className="rounded px-1 hover:bg-red-100 dark:hover:bg-red-900"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
