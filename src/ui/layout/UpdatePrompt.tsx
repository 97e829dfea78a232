import { useAppUpdate } from '../../store/index.ts';

/** "A new version is ready": shown once the service worker has downloaded one; Reload switches to it. */
export function UpdatePrompt() {
  const ready = useAppUpdate((state) => state.updateReady);
  const apply = useAppUpdate((state) => state.apply);
  const dismiss = useAppUpdate((state) => state.dismiss);
  return (
    <div role="status" className="empty:hidden">
      {ready && (
        <div className="flex items-center gap-2 border-b border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-50">
          <p className="flex-1">A new version of PeerChat is ready.</p>
          <button
            type="button"
            onClick={apply}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-700"
          >
            Reload
          </button>
          <button
            type="button"
            onClick={dismiss}
            className="rounded px-2 py-1 hover:bg-indigo-100 dark:hover:bg-indigo-900"
          >
            Later
          </button>
        </div>
      )}
    </div>
  );
}
