import { describe, expect, it } from 'vitest';
import { createCustomMode } from '../../core/index.ts';
import type { ModeDefinition, RoomData } from '../../core/index.ts';
import { realConversation } from '../testing/real-conversation.ts';
import { parseRoomFile } from './parse.ts';
import { serializeRoom } from './room-file.ts';

function customMode(input: Parameters<typeof createCustomMode>[0]): ModeDefinition {
  const result = createCustomMode(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.mode;
}

const devil = customMode({
  id: 'devils-advocate',
  name: 'Devil’s advocate',
  tagline: 'Try me.',
  promptBlock: 'Argue the other side, always.',
  dapPreset: 'lively',
});
const socratic = customMode({
  id: 'socratic',
  name: 'Socratic',
  version: '2.1',
  promptBlock: 'Answer only with questions.',
  dapPreset: 'quiet',
  dap: { base: 0.6 },
  limits: { maxDepth: 2, tokenBudget: null },
});

/** A real room (the recorded conversation's) with two modes of its own, the first one in force. */
function roomWithModes(): RoomData {
  return { ...realConversation().room, customModes: [devil, socratic], modeId: devil.id };
}

/** The room file as an object, to change one field and write it again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests reach into the file's modes to break them
function fileOf(room: RoomData): Record<string, any> {
  return JSON.parse(serializeRoom(room, {}));
}

describe('room file: the room’s own modes', () => {
  it('carry every field of the mode and come back as the core builds them, the mode in force with them', () => {
    const text = serializeRoom(roomWithModes(), {});
    expect(JSON.parse(text).modes).toEqual([
      {
        id: 'devils-advocate',
        name: 'Devil’s advocate',
        version: '1.0',
        tagline: 'Try me.',
        promptBlock: 'Argue the other side, always.',
        dapPreset: 'lively',
      },
      {
        id: 'socratic',
        name: 'Socratic',
        version: '2.1',
        promptBlock: 'Answer only with questions.',
        dapPreset: 'quiet',
        dap: { base: 0.6 },
        limits: { maxDepth: 2, tokenBudget: null },
      },
    ]);
    const parsed = parseRoomFile(text, 1);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.room.customModes).toStrictEqual([devil, socratic]);
    expect(parsed.room.modeId).toBe('devils-advocate');
    // Written again, the file is the same bytes.
    expect(serializeRoom(parsed.room, {})).toBe(text);
  });

  it.each([
    ['an empty prompt', { promptBlock: '  ' }, 'modes.1.promptBlock: promptBlock must not be empty'],
    ['a built-in id', { id: 'adversarial' }, 'modes.1.id: "adversarial" is a built-in mode'],
    ['an unknown DAP preset', { dapPreset: 'loud' }, 'modes.1.dapPreset: unknown DAP preset'],
    ['a bad version', { version: 'v2' }, 'modes.1.version: version must look like 1, 1.0 or 1.0.2'],
    ['DAP out of bounds', { dap: { pMin: 0 } }, /^modes\.1\.dap\.pMin: /],
    ['a limit out of bounds', { limits: { maxDepth: 21 } }, /^modes\.1\.limits\.maxDepth: /],
    ['an unknown field', { builtIn: true }, 'modes.1: unknown field "builtIn"'],
    ['the id of the mode before it', { id: 'devils-advocate' }, /^modes\.1\.id: mode id "devils-advocate"/],
  ])('refuse %s, naming the file’s field', (_case, change, expected) => {
    const file = fileOf(roomWithModes());
    Object.assign(file.modes[1], change);
    const parsed = parseRoomFile(JSON.stringify(file), 1);
    const message = parsed.ok ? 'accepted' : parsed.message;
    expect(message).toMatch(/^Room file refused — /);
    const rest = message.replace(/^Room file refused — /, '');
    if (typeof expected === 'string') expect(rest).toBe(expected);
    else expect(rest).toMatch(expected);
  });

  it('a file whose mode names a custom mode it does not carry is refused at `mode`', () => {
    const file = fileOf(roomWithModes());
    file.modes = [socratic].map(({ id, name, promptBlock }) => ({ id, name, promptBlock }));
    expect(parseRoomFile(JSON.stringify(file), 1)).toEqual({
      ok: false,
      message: 'Room file refused — mode: unknown mode "devils-advocate".',
    });
  });

  it('a room without modes of its own writes no `modes`, and a file without them (an older one) still imports', () => {
    const room = realConversation().room;
    expect(room.customModes).toEqual([]);
    const file = fileOf(room);
    expect(file).not.toHaveProperty('modes');
    const older = {
      format: 'peerchat.room',
      version: 1,
      name: 'Launch checklist',
      mode: 'adversarial',
      peers: [{ handle: 'claude', name: 'Claude', provider: 'anthropic', model: 'claude-sonnet-4-6' }],
    };
    const parsed = parseRoomFile(JSON.stringify(older), 7);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.room).toMatchObject({ modeId: 'adversarial', customModes: [], seed: 7 });
  });
});

describe('reasoning in room files', () => {
  const room = (): RoomData => {
    const base = realConversation().room;
    const [first, ...rest] = base.peers;
    return {
      ...base,
      customModes: [],
      shareReasoning: true,
      peers: [{ ...first!, settings: { ...first!.settings, reasoning: { budgetTokens: 4096 } } }, ...rest],
    };
  };

  it('carries the share setting and each seat’s reasoning options, and reads them back', () => {
    const file = serializeRoom(room(), {});
    expect(JSON.parse(file).shareReasoning).toBe(true);
    expect(JSON.parse(file).peers[0].reasoning).toEqual({ budgetTokens: 4096 });
    const parsed = parseRoomFile(file, 7);
    expect(parsed.ok && parsed.room.shareReasoning).toBe(true);
    expect(parsed.ok && parsed.room.peers[0]?.settings.reasoning).toEqual({ budgetTokens: 4096 });
  });

  it('a room that does not share writes no field; a bad option is refused at its field', () => {
    expect(JSON.parse(serializeRoom({ ...room(), shareReasoning: false }, {}))).not.toHaveProperty('shareReasoning');
    const file = JSON.parse(serializeRoom(room(), {}));
    file.peers[0].reasoning = { effort: 'extreme' };
    const parsed = parseRoomFile(JSON.stringify(file), 7);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^Room file refused — peers\.0\.reasoning\.effort: /);
  });
});
