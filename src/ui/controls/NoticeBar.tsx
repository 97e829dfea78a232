import { useRoomActions, useRoomStore } from '../state/room-store.tsx';

/** The store's last notice ("Gpt is muted…", a refused intent), announced politely and dismissible. */
export function NoticeBar() {
  const notice = useRoomStore((state) => state.notice);
  const { dismissNotice } = useRoomActions();
  return (
    <div role="status" className="empty:hidden">
      {notice && (
        <div className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex-1">{notice}</p>
          <button
            type="button"
            onClick={dismissNotice}
            className="rounded px-2 hover:bg-amber-100 dark:hover:bg-amber-900"
          >
            Dismiss notice
          </button>
        </div>
      )}
    </div>
  );
}
