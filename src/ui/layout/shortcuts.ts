/**
 * The app's keyboard shortcuts: which key does what, in one table (the help sheet lists it), and the pure rule that
 * turns a key press into an action. None fires while the focus is in a text field, a select or an editable element,
 * except Escape while replies stream (Stop all), which is meant to work from the message box.
 */

export type ShortcutAction =
  | 'focus-composer'
  | 'stop-all'
  | 'new-conversation'
  | 'next-conversation'
  | 'previous-conversation'
  | 'toggle-conversations'
  | 'toggle-panels'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** The keys as the help sheet shows them. */
  keys: string;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'focus-composer', keys: '/', description: 'Write a message (focus the message box)' },
  {
    action: 'stop-all',
    keys: 'Esc',
    description: 'Stop all, while replies are being written (also from the message box)',
  },
  { action: 'new-conversation', keys: 'Alt+N', description: 'New conversation' },
  { action: 'next-conversation', keys: 'Alt+↓', description: 'Next conversation in the list' },
  { action: 'previous-conversation', keys: 'Alt+↑', description: 'Previous conversation in the list' },
  { action: 'toggle-conversations', keys: 'Alt+1', description: 'Show or hide the conversations' },
  { action: 'toggle-panels', keys: 'Alt+2', description: 'Show or hide the side panels' },
  { action: 'help', keys: '?', description: 'This list of shortcuts' },
];

export interface KeyPress {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface ShortcutContext {
  /** The focus is in a text field, a select or an editable element. */
  typing: boolean;
  /** Replies are being written. */
  streaming: boolean;
}

/** The action of a key press, or null. */
export function shortcutFor(press: KeyPress, context: ShortcutContext): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey) return null;
  if (press.key === 'Escape' && !press.altKey) return context.streaming ? 'stop-all' : null;
  if (context.typing) return null;
  if (press.altKey) {
    // `code` too: with Alt held, some layouts turn N and the digits into other characters.
    if (press.key === 'ArrowDown') return 'next-conversation';
    if (press.key === 'ArrowUp') return 'previous-conversation';
    if (press.code === 'KeyN' || press.key.toLowerCase() === 'n') return 'new-conversation';
    if (press.code === 'Digit1' || press.key === '1') return 'toggle-conversations';
    if (press.code === 'Digit2' || press.key === '2') return 'toggle-panels';
    return null;
  }
  if (press.key === '/') return 'focus-composer';
  if (press.key === '?') return 'help';
  return null;
}

/** Whether `target` takes typing: a text field, a select, or an editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(target.type);
}

/** The conversation after (`step` 1) or before (-1) the open one in the list; null at either end. */
export function neighbourOf(ids: readonly string[], openId: string, step: 1 | -1): string | null {
  const index = ids.indexOf(openId);
  if (index < 0) return ids[0] ?? null;
  return ids[index + step] ?? null;
}
