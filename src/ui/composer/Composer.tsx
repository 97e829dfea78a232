import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { parseMentions, readOnlyNotice } from '../../store/index.ts';
import { AttachButton, PendingAttachments } from '../attachments/PendingAttachments.tsx';
import { filesOf } from '../attachments/files-of.ts';
import { Refusal } from '../common/Refusal.tsx';
import { useTypingSignal } from '../sharing/use-typing-signal.ts';
import { useRoomActions, useRoomStore } from '../state/room-store.tsx';
import { councilOf, RoundPicker, roundChoiceOf, type RoundChoice } from './RoundPicker.tsx';
import { AddressLine } from './AddressLine.tsx';
import { MentionBackdrop } from './MentionBackdrop.tsx';
import { MentionSuggestions, optionId } from './MentionSuggestions.tsx';
import { acceptSuggestion, mentionQueryAt, mentionSuggestions } from './mention-query.ts';

/** Same box and font for the textarea and the highlight layer behind it, so the highlights line up. */
const FIELD_BOX = 'whitespace-pre-wrap break-words rounded-md border px-3 py-2 text-base leading-6';

export const COMPOSER_ID = 'composer-message';

/**
 * Where the human writes. Enter sends (a new message preempts the running round), Shift+Enter adds a line; typing
 * @ offers the room's handles, aliases and @all; resolved mentions are highlighted and the line below says who the
 * message reaches.
 */
/**
 * Past this length the highlight layer and the grow-to-fit sizing are dropped: mirroring a huge text into a second
 * element and re-measuring it costs the browser a layout per key stroke (a 1 MB paste made typing crawl).
 */
export const PLAIN_COMPOSER_CHARS = 20_000;

export function Composer() {
  const { send, attachFiles } = useRoomActions();
  const human = useRoomStore((state) => state.human);
  const peers = useRoomStore((state) => state.peers);
  // Another tab holds this conversation, or it has ended: the box and Send say why and rest.
  const readOnly = useRoomStore(readOnlyNotice);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // This message's round; null follows the room's default.
  const councilDefault = useRoomStore((state) => state.councilDefault ?? null);
  const [round, setRound] = useState<RoundChoice | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const caretToRestore = useRef<number | null>(null);
  const listId = useId();
  const addressId = useId();
  const refusalId = useId();
  const readOnlyId = useId();
  // In a shared room the others see "… is typing" (a room of one ignores it).
  const signalTyping = useTypingSignal();

  const shownText = useDeferredValue(text);
  const mentions = useMemo(
    () => parseMentions(shownText, { human, peers }, { authorId: human.id }),
    [shownText, human, peers],
  );

  const plain = text.length > PLAIN_COMPOSER_CHARS;
  const query = mentionQueryAt(text, caret);
  const suggestions = query && query.start !== dismissedAt ? mentionSuggestions(peers, query.query) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);

  useLayoutEffect(() => {
    const position = caretToRestore.current;
    if (position === null || !textareaRef.current) return;
    caretToRestore.current = null;
    textareaRef.current.setSelectionRange(position, position);
  });

  const edit = (nextText: string, nextCaret: number) => {
    signalTyping(nextText !== '');
    setText(nextText);
    setCaret(nextCaret);
    setActive(0);
    setRefusal(null);
  };

  const pick = (index: number) => {
    const suggestion = suggestions[index];
    if (!query || !suggestion) return;
    const next = acceptSuggestion(text, query, suggestion.name);
    caretToRestore.current = next.caret;
    edit(next.text, next.caret);
  };

  const addFiles = (files: File[]) =>
    void attachFiles(files).then((result) => setRefusal(result.ok ? null : result.message));

  const submit = () => {
    const result = send(text, round === null ? {} : { council: councilOf(round, councilDefault) });
    if (!result.ok) {
      setRefusal(result.message);
      return;
    }
    setRound(null);
    edit('', 0);
    setDismissedAt(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open && query) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
        event.preventDefault();
        pick(activeIndex);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query.start);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      aria-label="Composer"
      className="border-t border-slate-200 px-3 pt-2 pb-3 dark:border-slate-800"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onDragOver={(event) => {
        if (readOnly === null && event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const files = filesOf(event.dataTransfer);
        if (readOnly !== null || files.length === 0) return;
        event.preventDefault();
        addFiles(files);
      }}
    >
      <PendingAttachments />
      <div className="mx-auto flex max-w-3xl flex-wrap items-end justify-end gap-2">
        <div className="relative min-w-[min(100%,18rem)] flex-1 rounded-md bg-white dark:bg-slate-900">
          {!plain && (
            <MentionBackdrop
              ref={backdropRef}
              text={shownText}
              spans={mentions.spans}
              className={`${FIELD_BOX} border-transparent`}
            />
          )}
          <textarea
            ref={textareaRef}
            id={COMPOSER_ID}
            aria-label="Message"
            aria-describedby={[readOnly && readOnlyId, refusal && refusalId, addressId].filter(Boolean).join(' ')}
            disabled={readOnly !== null}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? optionId(listId, activeIndex) : undefined}
            rows={2}
            value={text}
            placeholder={readOnly ? 'Read-only' : 'Write to the room… (@ to mention a peer)'}
            onChange={(event) => edit(event.target.value, event.target.selectionStart)}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            onPaste={(event) => {
              const files = filesOf(event.clipboardData);
              if (files.length === 0) return;
              event.preventDefault();
              addFiles(files);
            }}
            onScroll={(event) => {
              if (backdropRef.current) backdropRef.current.scrollTop = event.currentTarget.scrollTop;
            }}
            className={`${FIELD_BOX} relative block max-h-48 min-h-11 w-full resize-none border-slate-300 bg-transparent ${plain ? 'h-48' : '[field-sizing:content]'} placeholder:text-slate-400 dark:border-slate-700`}
          />
          {open && <MentionSuggestions id={listId} suggestions={suggestions} active={activeIndex} onPick={pick} />}
        </div>
        <AttachButton disabled={readOnly !== null} onFiles={addFiles} />
        <RoundPicker
          label="Round"
          className="h-11 max-w-36"
          disabled={readOnly !== null}
          value={round ?? roundChoiceOf(councilDefault)}
          onChange={setRound}
        />
        <button
          type="submit"
          disabled={readOnly !== null}
          aria-describedby={readOnly ? readOnlyId : undefined}
          className="h-11 rounded-md bg-indigo-600 px-4 font-medium text-white hover:bg-indigo-700 active:bg-indigo-800 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Send
        </button>
      </div>
      <div className="mx-auto mt-1 max-w-3xl">
        {readOnly && (
          <p id={readOnlyId} className="px-1 text-sm text-amber-900 dark:text-amber-100">
            {readOnly}
          </p>
        )}
        {refusal && (
          <Refusal id={refusalId} className="px-1">
            {refusal}
          </Refusal>
        )}
        <AddressLine id={addressId} text={shownText} mentions={mentions} peers={peers} />
      </div>
    </form>
  );
}
