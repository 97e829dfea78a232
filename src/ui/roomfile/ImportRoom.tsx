import { useState, type ChangeEvent } from 'react';
import { useRoomActions } from '../state/room-store';

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

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const json = await file.text();
    input.value = '';
    const name = roomNameOf(json) ?? file.name;
    if (!window.confirm(`Replace the current room with “${name}”?`)) return;
    const result = await importRoom(json);
    setError(result.ok ? null : result.message);
  };

  return (
    <div className="relative">
      <label className="relative inline-flex cursor-pointer items-center rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800">
        Import room
        <input
          type="file"
          accept=".json,application/json"
          onChange={(event) => void load(event)}
          className="absolute inset-0 w-full cursor-pointer opacity-0"
        />
      </label>
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
