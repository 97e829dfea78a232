import { describe, expect, it } from 'vitest';
import { neighbourOf, shortcutFor, SHORTCUTS, type KeyPress } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});
const idle = { typing: false, streaming: false };

describe('keyboard shortcuts', () => {
  it.each([
    [press('/'), 'focus-composer'],
    [press('?', { shiftKey: true }), 'help'],
    [press('n', { altKey: true }), 'new-conversation'],
    [press('ñ', { altKey: true, code: 'KeyN' }), 'new-conversation'],
    [press('ArrowDown', { altKey: true }), 'next-conversation'],
    [press('ArrowUp', { altKey: true }), 'previous-conversation'],
    [press('1', { altKey: true }), 'toggle-conversations'],
    [press('¡', { altKey: true, code: 'Digit1' }), 'toggle-conversations'],
    [press('2', { altKey: true }), 'toggle-panels'],
    [press('x'), null],
    [press('/', { ctrlKey: true }), null],
    [press('Escape'), null],
  ])('%j → %s', (key, action) => {
    expect(shortcutFor(key, idle)).toBe(action);
  });

  it('does nothing while typing in a field, except Esc to stop the replies being written', () => {
    for (const key of [press('/'), press('?'), press('n', { altKey: true }), press('ArrowDown', { altKey: true })])
      expect(shortcutFor(key, { typing: true, streaming: true })).toBeNull();
    expect(shortcutFor(press('Escape'), { typing: true, streaming: true })).toBe('stop-all');
    expect(shortcutFor(press('Escape'), { typing: true, streaming: false })).toBeNull();
  });

  it('lists every action once in the help sheet', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toHaveLength(8);
  });

  it('finds the next and previous conversation, and stops at either end', () => {
    expect(neighbourOf(['a', 'b', 'c'], 'b', 1)).toBe('c');
    expect(neighbourOf(['a', 'b', 'c'], 'b', -1)).toBe('a');
    expect(neighbourOf(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(neighbourOf(['a', 'b'], 'unlisted', 1)).toBe('a');
  });
});
