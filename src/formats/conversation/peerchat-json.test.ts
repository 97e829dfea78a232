import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEAT_TEXT_RULES, textRuleMessage } from '../../core/index.ts';
import { parsePeerChatJson, toPeerChatJson } from './peerchat-json.ts';
import type { ConversationSnapshot } from './snapshot.ts';
import { snapshotArbitrary } from '../testing/arbitraries.ts';
import { realConversation, SECRET_KEY } from '../testing/real-conversation.ts';

let snapshot: ConversationSnapshot;
let text: string;

beforeAll(() => {
  snapshot = realConversation();
  text = toPeerChatJson(snapshot);
});

/** The exported file as an object, to break one field and serialize it again. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests reach into arbitrary places of the file to break them
function exported(): Record<string, unknown> & { conversation: Record<string, any> } {
  return JSON.parse(text);
}

function refusal(file: unknown): string {
  const result = parsePeerChatJson(typeof file === 'string' ? file : JSON.stringify(file));
  if (result.ok) throw new Error('The file was accepted.');
  expect(Object.keys(result)).toEqual(['ok', 'message']);
  expect(result.message).not.toMatch(/\n/);
  return result.message;
}

describe('toPeerChatJson / parsePeerChatJson round trip', () => {
  it('a real conversation comes back deep-equal (strictly: no undefined fields, nothing added)', () => {
    const parsed = parsePeerChatJson(text);
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(parsed.snapshot).toStrictEqual(snapshot);
    expect(parsed.exportedAt).toBe(new Date(snapshot.updatedAt).toISOString());
    expect(toPeerChatJson(parsed.snapshot)).toBe(text);
  });

  it('writes the versioned envelope, with the export time when given', () => {
    const file = JSON.parse(toPeerChatJson(snapshot, { exportedAt: Date.UTC(2026, 4, 1) }));
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'conversation']);
    expect(file).toMatchObject({ format: 'peerchat.conversation', version: 1, exportedAt: '2026-05-01T00:00:00.000Z' });
  });

  it('any valid snapshot round-trips losslessly (fast-check)', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (generated) => {
        const parsed = parsePeerChatJson(toPeerChatJson(generated));
        if (!parsed.ok) throw new Error(parsed.message);
        expect(parsed.snapshot).toStrictEqual(generated);
      }),
      { numRuns: 200 },
    );
  });

  it('never contains an API key or the provider settings', () => {
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain('api.example.test');
    expect(text).not.toMatch(/apiKey|providers|rememberKeys/);
  });
});

describe('parsePeerChatJson refuses bad files with one message naming the first bad field', () => {
  it('non-JSON, empty, and the wrong kind of JSON', () => {
    expect(refusal('hello')).toMatch(/^Conversation file refused — the file is not valid JSON/);
    expect(refusal('')).toBe('Conversation file refused — the file is empty.');
    expect(refusal('[1, 2]')).toBe(
      'Conversation file refused — the file is not a PeerChat conversation (expected a JSON object).',
    );
    expect(refusal({ format: 'peerchat.room', version: 1 })).toBe(
      'Conversation file refused — format: expected "peerchat.conversation" (it is a room file: import it as a room).',
    );
  });

  it('truncated anywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        expect(refusal(text.slice(0, cut))).toBe(
          'Conversation file refused — the file ends too early: it looks cut off (truncated JSON).',
        );
      }),
      { numRuns: 100 },
    );
  });

  it('wrong versions', () => {
    expect(refusal({ ...exported(), version: 2 })).toBe(
      'Conversation file refused — version 2 is newer than this PeerChat understands (it reads version 1).',
    );
    expect(refusal({ ...exported(), version: 0 })).toBe('Conversation file refused — version: expected 1.');
    expect(refusal({ ...exported(), version: '1' })).toBe('Conversation file refused — version: expected 1.');
    expect(refusal({ ...exported(), exportedAt: 'yesterday' })).toBe(
      'Conversation file refused — exportedAt: expected an ISO date and time.',
    );
    expect(refusal({ ...exported(), extra: true })).toBe('Conversation file refused — extra: unknown field.');
  });

  it('a bad, unknown or missing field, named by its path', () => {
    const badStatus = exported();
    badStatus.conversation.messages[3].status = 'exploded';
    expect(refusal(badStatus)).toMatch(
      /^Conversation file refused — conversation\.messages\.3\.status: Invalid option/,
    );

    const unknownField = exported();
    unknownField.conversation.messages[2].sneaky = true;
    expect(refusal(unknownField)).toBe('Conversation file refused — conversation.messages.2.sneaky: unknown field.');

    const missing = exported();
    delete missing.conversation.room.human;
    expect(refusal(missing)).toBe('Conversation file refused — conversation.room.human: missing.');

    const badEvent = exported();
    expect(badEvent.conversation.events[3].type).toBe('turn-dispatched');
    badEvent.conversation.events[3].reason = { kind: 'telepathy' };
    expect(refusal(badEvent)).toMatch(/^Conversation file refused — conversation\.events\.3\.reason\.kind: Invalid/);
    badEvent.conversation.events[3].type = 'coup';
    const coup = refusal(badEvent);
    expect(coup).toMatch(/^Conversation file refused — conversation\.events\.3\.type: Invalid discriminator value/);
    expect(coup).not.toMatch(/\.\.$/);

    const keyInSettings = exported();
    keyInSettings.conversation.room.peers[0].settings.apiKey = SECRET_KEY;
    expect(refusal(keyInSettings)).toBe(
      'Conversation file refused — conversation.room.peers.0.settings.apiKey: unknown field.',
    );
  });

  it('huge strings and huge files', () => {
    const huge = exported();
    huge.conversation.messages[1].text = 'a'.repeat(2_000_001);
    expect(refusal(huge)).toMatch(/^Conversation file refused — conversation\.messages\.1\.text: Too big/);
    const longName = exported();
    longName.conversation.room.peers[0].displayName = 'n'.repeat(201);
    // The seat rule's own message, as the peer form and the room file give it.
    expect(refusal(longName)).toBe(
      `Conversation file refused — conversation.room.peers.0.displayName: ${textRuleMessage(SEAT_TEXT_RULES.displayName)}`,
    );
    expect(refusal(`"${'x'.repeat(50 * 1024 * 1024)}"`)).toBe(
      'Conversation file refused — the file is too large: 52,428,802 characters, at most 52,428,800 (about 50 MB).',
    );
  });

  it('deep nesting, without a RangeError', () => {
    expect(refusal('['.repeat(100_000))).toBe(
      'Conversation file refused — the file is nested more than 32 levels deep (at character 33).',
    );
    const deep = exported();
    let nest: unknown = 'x';
    for (let i = 0; i < 40; i++) nest = { a: nest };
    deep.conversation.messages[0].text = nest;
    expect(refusal(deep)).toMatch(/nested more than 32 levels deep/);
  });

  it('prototype-pollution keys anywhere, leaving Object.prototype clean', () => {
    const keys = ['__proto__', 'constructor', 'prototype'];
    for (const [index, key] of keys.entries()) {
      const id = snapshot.messages[index]!.id;
      const hostile = text.replace(
        `"id": "${id}",`,
        `"${key}": { "polluted": true, "toString": "gotcha" }, "id": "${id}",`,
      );
      expect(hostile).not.toBe(text);
      expect(refusal(hostile)).toBe(
        `Conversation file refused — conversation.messages.${index}.${key}: the key is not allowed (it could pollute prototypes).`,
      );
    }
    expect(refusal('{"__proto__": {"polluted": true}}')).toMatch(/__proto__: the key is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(String({})).toBe('[object Object]');
  });

  it('ids that name no participant, and messages by unknown authors', () => {
    const ghost = exported();
    ghost.conversation.messages[1].authorId = 'id-ghost';
    expect(refusal(ghost)).toBe(
      'Conversation file refused — conversation.messages.1.authorId: "id-ghost" is not a peer of this conversation.',
    );

    const impersonation = exported();
    impersonation.conversation.messages[0].authorId = 'id-claude';
    expect(refusal(impersonation)).toBe(
      'Conversation file refused — conversation.messages.0.authorId: "id-claude" is not a human of this conversation.',
    );

    const ghostEvent = exported();
    const dispatched = ghostEvent.conversation.events.findIndex(
      (event: { type: string }) => event.type === 'turn-dispatched',
    );
    ghostEvent.conversation.events[dispatched].peerId = 'ghost';
    expect(refusal(ghostEvent)).toBe(
      `Conversation file refused — conversation.events.${dispatched}: "ghost" is not a participant of this conversation.`,
    );

    const twins = exported();
    twins.conversation.room.peers[1].handle = 'claude';
    expect(refusal(twins)).toMatch(
      /^Conversation file refused — conversation\.room\.peers\.1\.handle: "claude" is already used/,
    );

    const badMode = exported();
    badMode.conversation.room.modeId = 'chaos';
    expect(refusal(badMode)).toBe('Conversation file refused — conversation.room.modeId: unknown mode "chaos".');

    const disorder = exported();
    disorder.conversation.events[5].lamport = 1;
    expect(refusal(disorder)).toMatch(
      /^Conversation file refused — conversation\.events\.5\.lamport: 1 does not come after/,
    );

    const duplicate = exported();
    duplicate.conversation.messages[2].id = duplicate.conversation.messages[1].id;
    expect(refusal(duplicate)).toBe(
      `Conversation file refused — conversation.messages.2.id: message id "${snapshot.messages[1]!.id}" is used twice.`,
    );
  });
});
