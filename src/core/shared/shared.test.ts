import { describe, expect, it } from 'vitest';
import { appendRoomEvent, replayRoom } from '../room/replay.ts';
import type { RoomProjection } from '../room/projection.ts';
import { authorityProblem } from './authority.ts';
import {
  nextOverdueAt,
  openTurns,
  overdueTurns,
  ownerGoneFinish,
  removedMemberEvents,
  stampIntent,
  stampServerEvent,
  turnOpenings,
} from './coordinator.ts';
import { fullBucket, messageSizeProblem, roomFullProblem, takeToken } from './limits.ts';
import type { IntentBody, Member } from './protocol.ts';
import { completeTurn, sharedLog, sharedRoom, sharedSeat } from './testing.ts';
import { keyLikeField, parseClientMessage } from './validate.ts';

const member = (memberId: string, role: Member['role'] = 'contributor'): Member => ({
  memberId,
  name: memberId.toUpperCase(),
  role,
  joinedAt: 0,
});
const ann = member('ann', 'owner');
const bo = member('bo');
const cy = member('cy', 'arbiter');
const room = sharedRoom([
  ['claude', 'ann'],
  ['gpt', 'bo'],
]);
const base = replayRoom(sharedLog(room, { type: 'human-message', messageId: 'h1', text: 'hello', sender: ann }));

const allowed = (who: Member, body: IntentBody, state: RoomProjection = base) =>
  authorityProblem(state, who, 'ann', body);

/** Appends `body` as `who` the way the server does, with the turn-opened events of the turns it starts. */
function step(state: RoomProjection, who: Member, id: string, body: IntentBody): RoomProjection {
  const result = appendRoomEvent(state, [], new Set(), stampIntent(state, id, body, who, 5_000));
  if (result.status !== 'appended') throw new Error(JSON.stringify(result));
  let next = result.step.state;
  for (const opening of turnOpenings(result.step.effects, () => `reply-${id}`)) {
    const opened = appendRoomEvent(next, [], new Set(), stampServerEvent(next, opening.id, opening.body, 5_001));
    if (opened.status !== 'appended') throw new Error(JSON.stringify(opened));
    next = opened.step.state;
  }
  return next;
}

describe('authority', () => {
  it('lets every member speak, and edit only their own messages', () => {
    expect(allowed(bo, { type: 'human-message', messageId: 'h2', text: 'hi' })).toBeNull();
    expect(allowed(bo, { type: 'human-message', messageId: 'h2', text: 'x', edits: 'h1' })).toBe(
      'You can only edit your own messages.',
    );
    expect(allowed(ann, { type: 'human-message', messageId: 'h2', text: 'x', edits: 'h1' })).toBeNull();
  });

  it('gives the turn controls over their own peers to every member, over all peers to owner and arbiter', () => {
    for (const type of ['stop-peer', 'mute', 'unmute', 'speak-now'] as const) {
      const control = { type: 'human-control', control: { type, peerId: 'seat-claude' } } as const;
      expect(allowed(bo, control)).toMatch(/^Only claude's owner, the room's owner or an arbiter can/);
      expect(allowed(ann, control)).toBeNull();
      expect(allowed(cy, control)).toBeNull();
      expect(allowed(bo, { type: 'human-control', control: { type, peerId: 'seat-gpt' } } as const)).toBeNull();
    }
  });

  it('keeps stop-all, skip, mode and limits to the owner and arbiters', () => {
    const bodies: IntentBody[] = [
      { type: 'human-control', control: { type: 'stop-all' } },
      { type: 'human-control', control: { type: 'skip-next' } },
      { type: 'mode-set', modeId: 'debate' },
      { type: 'limits-set', limits: {} },
      { type: 'dap-set', peerId: null, dap: {} },
    ];
    for (const body of bodies) {
      expect(allowed(bo, body)).toMatch(/^Only the room's owner or an arbiter can/);
      expect(allowed(cy, body)).toBeNull();
      expect(allowed(ann, body)).toBeNull();
    }
  });

  it('keeps titles, reasoning sharing, ending and regenerating others to the owner', () => {
    const bodies: IntentBody[] = [
      { type: 'title-set', title: 'New' },
      { type: 'reasoning-sharing-set', share: true },
      { type: 'human-control', control: { type: 'end-session' } },
    ];
    for (const body of bodies) {
      expect(allowed(cy, body)).toMatch(/^Only the room's owner can/);
      expect(allowed(ann, body)).toBeNull();
    }
    const regenerate = { type: 'human-control', control: { type: 'regenerate', peerId: 'seat-gpt', messageId: 'x' } };
    expect(allowed(cy, regenerate as IntentBody)).toMatch(/can regenerate its reply/);
    expect(allowed(bo, regenerate as IntentBody)).toBeNull();
  });

  it('lets a member add, edit and remove only their own seats', () => {
    const [claude, gpt] = base.peers as [(typeof base.peers)[0], (typeof base.peers)[0]];
    const seats = (peers: typeof base.peers) => ({ type: 'seats-set', peers }) as const;
    expect(allowed(bo, seats([claude, { ...gpt, model: 'other' }, sharedSeat('mistral', 'bo')]))).toBeNull();
    expect(allowed(bo, seats([gpt]))).toBe('You cannot remove claude: it is not yours.');
    expect(allowed(bo, seats([claude]))).toBeNull();
    expect(allowed(ann, seats([claude]))).toBe('You cannot remove gpt: it is not yours.');
    expect(allowed(bo, seats([{ ...claude, model: 'x' }, gpt]))).toBe('You cannot change claude: it is not yours.');
    expect(allowed(bo, seats([claude, gpt, sharedSeat('mistral', 'ann')]))).toBe('The new seat mistral must be yours.');
    expect(allowed(bo, seats([claude, { ...gpt, ownerId: 'ann' }]))).toBe('You cannot give gpt away.');
  });

  it('lets only a seat’s owner end its turn or report its profile, and never a turn that ended', () => {
    const asked = step(base, bo, 'h2', { type: 'human-message', messageId: 'h2', text: '@gpt and @claude?' });
    const [first] = openTurns(asked, 'ann');
    expect(first).toBeDefined();
    const owner = first!.ownerId === 'bo' ? bo : ann;
    const other = owner === bo ? ann : bo;
    const finish = { type: 'turn-finished', turnId: first!.turnId, result: completeTurn('done') } as const;
    expect(allowed(other, finish, asked)).toMatch(/owner can end its turn/);
    expect(allowed(owner, finish, asked)).toBeNull();
    const ended = step(asked, owner, 'f1', { ...finish, messageId: first!.messageId });
    expect(allowed(owner, finish, ended)).toBe('That turn has already ended.');
    const profile = { type: 'adapter-profile-set', peerId: 'seat-claude', profile: {} } as unknown as IntentBody;
    expect(allowed(bo, profile)).toMatch(/Only claude's owner can report its profile/);
  });
});

describe('validation', () => {
  const intent = (body: object) => JSON.stringify({ t: 'intent', id: 'i1', body });

  it('accepts a well-formed intent and refuses a malformed one with the field', () => {
    expect(parseClientMessage(intent({ type: 'human-message', messageId: 'm', text: 'hi' })).ok).toBe(true);
    expect(parseClientMessage(intent({ type: 'human-message', messageId: 'm', text: 5 }))).toEqual({
      ok: false,
      reason: 'The intent (human-message) has a missing or invalid "text".',
    });
    expect(parseClientMessage('{nope')).toEqual({ ok: false, reason: 'The message is not JSON.' });
  });

  it('refuses a sender, server-only events and any key-like field', () => {
    const withSender = intent({
      type: 'human-message',
      messageId: 'm',
      text: 'hi',
      sender: { memberId: 'a', name: 'A' },
    });
    expect(parseClientMessage(withSender)).toMatchObject({ ok: false, reason: expect.stringContaining('sender') });
    expect(parseClientMessage(intent({ type: 'turn-opened', turnId: 't', messageId: 'm' }))).toMatchObject({
      ok: false,
    });
    const seat = { ...sharedSeat('x', 'bo'), apiKey: 'sk-secret' };
    const parsed = parseClientMessage(intent({ type: 'seats-set', peers: [seat] }));
    expect(parsed).toEqual({ ok: false, reason: 'Keys never leave your device: remove "body.peers.0.apiKey".' });
    expect(keyLikeField({ usage: { input: 1 }, latencyMs: { firstToken: 1 }, maxTokens: 3 })).toBeNull();
    expect(keyLikeField({ headers: { 'x-api-key': 'k' } })).toBe('headers.x-api-key');
  });

  it('bounds ids, deltas and member changes', () => {
    const long = JSON.stringify({ t: 'intent', id: 'x'.repeat(200), body: {} });
    expect(parseClientMessage(long)).toMatchObject({ ok: false, reason: expect.stringContaining('128') });
    const delta = (text: string) => JSON.stringify({ t: 'delta', turnId: 't', seq: 0, text });
    expect(parseClientMessage(delta('a')).ok).toBe(true);
    expect(parseClientMessage(delta('a'.repeat(70_000)))).toMatchObject({ ok: false });
    const owner = JSON.stringify({ t: 'member', id: 'x', memberId: 'bo', role: 'owner' });
    expect(parseClientMessage(owner)).toMatchObject({ ok: false });
  });
});

describe('coordinator', () => {
  it('stamps an intent with its id, the next Lamport number, the time and the sender', () => {
    const event = stampIntent(base, 'i9', { type: 'human-message', messageId: 'h9', text: 'x' }, bo, 42);
    expect(event).toMatchObject({
      id: 'i9',
      lamport: base.logLamport + 1,
      at: 42,
      sender: { memberId: 'bo', name: 'BO' },
    });
    expect(stampIntent(base, 'i9', { type: 'title-set', title: 'T' }, bo, 42)).not.toHaveProperty('sender');
  });

  it('opens one turn per start-turn effect, with an id from the turn', () => {
    let n = 0;
    const openings = turnOpenings(
      [
        { type: 'notice', message: null },
        {
          type: 'start-turn',
          turnId: 't1',
          roundId: 'r',
          peerId: 'p',
          reason: { kind: 'mention' },
          depth: 0,
          modeId: 'm',
        },
        { type: 'abort-turn', turnId: 't0', peerId: 'p' },
      ] as never,
      () => `m${++n}`,
    );
    expect(openings).toEqual([{ id: 'opened:t1', body: { type: 'turn-opened', turnId: 't1', messageId: 'm1' } }]);
  });

  it('finds the turns whose owner has been gone long enough and ends them with the text so far', () => {
    const asked = step(base, ann, 'h2', { type: 'human-message', messageId: 'h2', text: '@gpt go' });
    const turns = openTurns(asked, 'ann');
    expect(turns.map((turn) => turn.ownerId)).toEqual(['bo']);
    const gone = (memberId: string) => (memberId === 'bo' ? 1_000 : 'online');
    expect(overdueTurns(turns, gone, 1_500, 1_000)).toEqual([]);
    expect(overdueTurns(turns, gone, 2_000, 1_000)).toEqual(turns);
    expect(overdueTurns(turns, () => 'online', 9_999, 1_000)).toEqual([]);
    expect(nextOverdueAt(turns, gone, 1_000)).toBe(2_000);
    const finish = ownerGoneFinish(turns[0]!, 'Bo', 'half an ans');
    expect(finish.result).toMatchObject({
      status: 'error',
      text: 'half an ans',
      error: { message: "Bo's browser went offline during this turn." },
    });
    const ended = appendRoomEvent(asked, [], new Set(), stampServerEvent(asked, 'gone', finish, 3_000));
    expect(ended.status).toBe('appended');
  });
});

describe('a removed member', () => {
  it('has their running turn ended with the text relayed so far, then their seats taken from the table', () => {
    const asked = step(base, ann, 'h2', { type: 'human-message', messageId: 'h2', text: '@gpt go' });
    const [turn] = openTurns(asked, 'ann');
    const bodies = removedMemberEvents(asked, { memberId: 'bo', name: 'Bo' }, 'ann', (turnId) =>
      turnId === turn!.turnId ? 'half an ans' : '',
    );
    expect(bodies).toEqual([
      {
        type: 'turn-finished',
        turnId: turn!.turnId,
        messageId: turn!.messageId,
        result: {
          status: 'error',
          text: 'half an ans',
          error: { reason: 'aborted', message: 'Bo was removed from the room during this turn.' },
        },
      },
      { type: 'seats-set', peers: asked.peers.filter((seat) => seat.ownerId !== 'bo') },
    ]);
    let state = asked;
    for (const [index, body] of bodies.entries()) {
      const result = appendRoomEvent(state, [], new Set(), stampServerEvent(state, `rm${index}`, body, 6_000));
      if (result.status !== 'appended') throw new Error(JSON.stringify(result));
      state = result.step.state;
    }
    expect(state.peers.map((seat) => seat.ownerId)).toEqual(['ann']);
    expect(openTurns(state, 'ann')).toEqual([]);
    expect(state.messages[turn!.messageId]).toMatchObject({ status: 'error', text: 'half an ans' });
  });

  it('changes nothing when they had no seat and no turn', () => {
    expect(removedMemberEvents(base, { memberId: 'cy', name: 'Cy' }, 'ann', () => '')).toEqual([]);
  });
});

describe('limits', () => {
  it('caps the room and the message size', () => {
    expect(roomFullProblem(3, { maxMembers: 4 })).toBeNull();
    expect(roomFullProblem(4, { maxMembers: 4 })).toBe('This room is full (4 members).');
    expect(messageSizeProblem(11, { maxMessageBytes: 10 })).toMatch(/too large/);
    expect(messageSizeProblem(10, { maxMessageBytes: 10 })).toBeNull();
  });

  it('lets a burst through, then refills at the sustained rate', () => {
    const limits = { burst: 2, perSecond: 1 };
    let bucket = fullBucket(limits, 0);
    const take = (at: number) => {
      const taken = takeToken(bucket, at, limits);
      bucket = taken.bucket;
      return taken.allowed;
    };
    expect([take(0), take(0), take(0)]).toEqual([true, true, false]);
    expect(take(500)).toBe(false);
    expect(take(1_600)).toBe(true);
    expect(take(1_600)).toBe(false);
  });
});
