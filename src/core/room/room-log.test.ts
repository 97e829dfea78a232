import { describe, expect, it } from 'vitest';
import type { RoomEvent, RoomEventBody } from './events.ts';
import { roomEventProblem } from './events.ts';
import type { RoomProjection } from './projection.ts';
import { emptyProjection, reduceRoom } from './reduce.ts';
import { appendRoomEvent, replayRoom } from './replay.ts';
import type { PeerSeat, RoomData } from './types.ts';

const seat = (handle: string): PeerSeat => ({
  kind: 'peer',
  id: `id-${handle}`,
  handle,
  aliases: [],
  displayName: handle,
  provider: 'openai',
  model: `${handle}-model`,
  settings: { contextWindow: 100_000 },
  dap: {},
  enabled: true,
  colour: '#000',
});

const room: RoomData = {
  name: 'Room',
  human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
  peers: [seat('claude'), seat('gpt')],
  modeId: 'collaborative',
  customModes: [],
  limits: {},
  seed: 1,
};

/** A log written the way the store writes one: each event stamped with the next Lamport number. */
function logOf(...bodies: RoomEventBody[]): RoomEvent[] {
  return bodies.map(
    (body, index) => ({ ...body, id: `e${index + 1}`, lamport: index + 1, at: 1_000 + index }) as RoomEvent,
  );
}

const started: RoomEventBody = { type: 'conversation-started', conversationId: 'c1', title: 'Room', room };
const complete = (text: string) =>
  ({ status: 'complete', text, stopReason: 'stop', latencyMs: { firstToken: 1, total: 2 } }) as const;

/** The turn the arbiter dispatched for the first human message. */
function firstTurnId(state: RoomProjection): string {
  return state.arbiter.round!.inFlight[0]!.turnId;
}

describe('room events', () => {
  it('a human message, the turn it sets off and that turn’s end project to the transcript', () => {
    const asked = replayRoom(logOf(started, { type: 'human-message', messageId: 'h1', text: '@claude hi' }));
    const turnId = firstTurnId(asked);
    const log = logOf(
      started,
      { type: 'human-message', messageId: 'h1', text: '@claude hi' },
      { type: 'turn-opened', turnId, messageId: 'p1' },
      { type: 'turn-finished', turnId, messageId: 'p1', result: complete('Hello, @gpt.') },
    );
    const state = replayRoom(log);
    expect(state.messageIds.slice(0, 2)).toEqual(['h1', 'p1']);
    expect(state.messages.p1).toMatchObject({ authorId: 'id-claude', text: 'Hello, @gpt.', status: 'complete' });
    // Claude's mention of @gpt is the core's decision, recomputed on replay: gpt's turn is running.
    expect(state.arbiter.round?.inFlight.map((turn) => turn.peerId)).toEqual(['id-gpt']);
    expect(state.logLamport).toBe(4);
  });

  it('keeps who wrote a human message in a shared room, and refuses a sender without a name', () => {
    const sender = { memberId: 'member-b', name: 'Bo' };
    const state = replayRoom(logOf(started, { type: 'human-message', messageId: 'h1', text: 'hi', sender }));
    expect(state.messages.h1).toMatchObject({ authorId: room.human.id, sender });
    const [, unnamed] = logOf(started, {
      type: 'human-message',
      messageId: 'h1',
      text: 'hi',
      sender: { memberId: 'member-b', name: '' },
    });
    expect(roomEventProblem(unnamed, 1)).toBe('Room event e2 (human-message) has a missing or invalid "sender".');
  });

  it('carries a finished transcript into a new log, once, before anything else happens', () => {
    const carried = [
      { id: 'h1', kind: 'human', authorId: room.human.id, text: 'hi', status: 'complete', createdAt: 1 },
      { id: 'p1', kind: 'peer', authorId: 'id-claude', text: 'hello', status: 'complete', createdAt: 2 },
    ] as const;
    const state = replayRoom(logOf(started, { type: 'history-carried', messages: [...carried] }));
    expect(state.messageIds).toEqual(['h1', 'p1']);
    expect(state.messages.p1).toMatchObject({ text: 'hello', authorId: 'id-claude' });
    expect(() =>
      replayRoom(
        logOf(started, { type: 'history-carried', messages: [...carried] }, { type: 'history-carried', messages: [] }),
      ),
    ).toThrow('History can only be carried into a conversation before it starts.');
    const [, streaming] = logOf(started, {
      type: 'history-carried',
      messages: [{ ...carried[1], status: 'streaming' }],
    });
    expect(roomEventProblem(streaming, 1)).toBe(
      'Room event e2 (history-carried) has a missing or invalid "messages[0].status".',
    );
  });

  it('names what is wrong with a malformed or out-of-order event', () => {
    const [first] = logOf(started);
    expect(roomEventProblem(first, 0)).toBeNull();
    expect(roomEventProblem({ ...first, id: '' }, 0)).toBe('A room event needs an id.');
    expect(roomEventProblem({ ...first, type: 'delete-everything' }, 0)).toBe(
      'Unknown room event type "delete-everything".',
    );
    expect(roomEventProblem(first, 1)).toBe('Room event e1 is out of order (Lamport 1 after 1).');
    const [, message] = logOf(started, { type: 'human-message', messageId: 'h1', text: '   ' });
    expect(roomEventProblem(message, 1)).toBe('Room event e2 (human-message) has a missing or invalid "text".');
    const [, , finished] = logOf(started, started, {
      type: 'turn-finished',
      turnId: 't1',
      messageId: 'p1',
      result: { status: 'error', text: '' },
    });
    expect(roomEventProblem(finished, 2)).toBe(
      'Room event e3 (turn-finished) has a missing or invalid "result.error".',
    );
  });

  it('appending is idempotent by id, and a refused event changes nothing', () => {
    const [first, second] = logOf(started, { type: 'human-control', control: { type: 'end-session' } });
    const state = emptyProjection(first as Extract<RoomEvent, { type: 'conversation-started' }>);
    const ids = new Set([first!.id]);
    expect(appendRoomEvent(state, [first!], ids, first!).status).toBe('duplicate');
    const ended = appendRoomEvent(state, [first!], ids, second!);
    expect(ended.status).toBe('appended');
    if (ended.status !== 'appended') return;
    const afterEnd = {
      ...second!,
      id: 'e3',
      lamport: 3,
      type: 'human-message',
      messageId: 'h1',
      text: 'hi',
    } as RoomEvent;
    const refused = appendRoomEvent(ended.step.state, ended.log, new Set(['e1', 'e2']), afterEnd);
    expect(refused).toMatchObject({ status: 'refused', message: 'The session has ended' });
    expect(reduceRoom(ended.step.state, afterEnd).state).toBe(ended.step.state);
  });

  it('a log that does not replay says where', () => {
    expect(() => replayRoom(logOf({ type: 'title-set', title: 'x' }))).toThrow(
      'A room log starts with conversation-started.',
    );
    const gap = logOf(started, { type: 'title-set', title: 'x' });
    gap[1]!.lamport = 1;
    expect(() => replayRoom(gap)).toThrow('Room event e2 is out of order (Lamport 1 after 1).');
    expect(() => replayRoom(logOf(started, { type: 'turn-opened', turnId: 'nope', messageId: 'p1' }))).toThrow(
      'Room event e2 (turn-opened) was refused: Turn nope is not running.',
    );
  });
});
