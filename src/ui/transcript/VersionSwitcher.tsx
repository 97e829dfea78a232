import { useRoomActions, useRoomStore, useRoomStoreApi } from '../state/room-store.tsx';
import { useFocusLater, useFocusWhenPending, type MessageControl } from './pending-focus.ts';
import { versionCount, versionIndex, versionsIn } from './versions.ts';

const SWITCH =
  'rounded px-1.5 py-0.5 hover:bg-slate-200 disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-slate-700';

/** "Version 2 of 3" with Previous / Next, on a message that was edited or regenerated (render it once finished). */
export function VersionSwitcher({ messageId }: { messageId: string }) {
  const count = useRoomStore((state) => versionCount(state, messageId));
  const index = useRoomStore((state) => versionIndex(state, messageId));
  const store = useRoomStoreApi();
  const { showVersion } = useRoomActions();
  const focusLater = useFocusLater();
  const previousRef = useFocusWhenPending(messageId, 'previous');
  const nextRef = useFocusWhenPending(messageId, 'next');
  if (count < 2) return null;

  const show = (offset: -1 | 1) => {
    const versions = versionsIn(store.getState(), messageId);
    const target = versions[index + offset];
    if (target === undefined) return;
    // The same switch on the version shown next takes focus, unless that one is at the end and disabled.
    const to = index + offset;
    const control: MessageControl =
      to === 0 ? 'next' : to === versions.length - 1 ? 'previous' : offset < 0 ? 'previous' : 'next';
    focusLater(target, control);
    showVersion(target);
  };

  return (
    <span role="group" aria-label="Versions" className="inline-flex items-center gap-1">
      <button
        ref={previousRef}
        type="button"
        aria-label="Previous version"
        disabled={index === 0}
        onClick={() => show(-1)}
        className={SWITCH}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span className="tabular-nums">
        Version {index + 1} of {count}
      </span>
      <button
        ref={nextRef}
        type="button"
        aria-label="Next version"
        disabled={index === count - 1}
        onClick={() => show(1)}
        className={SWITCH}
      >
        <span aria-hidden="true">›</span>
      </button>
    </span>
  );
}
