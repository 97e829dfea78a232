import { describe, expect, it } from 'vitest';
import type { CouncilRequest } from '../council/round.ts';
import type { CoreEvent } from '../events/types.ts';
import { councilTurn, FACILITATOR_HEADER, withFacilitatorNote } from './council-turn.ts';
import type { RoomEvent, RoomEventBody, TurnRecord } from './events.ts';
import { transcriptOf, type RoomProjection } from './projection.ts';
import { reduceRoom, runningTurn, type RoomEffect } from './reduce.ts';
import { replayRoom } from './replay.ts';
import type { PeerSeat, RoomData } from './types.ts';

const seat = (handle: string): PeerSeat => ({
  kind: 'peer',
  id: `id-${handle}`,
  handle,
  aliases: [],
  displayName: handle[0]!.toUpperCase() + handle.slice(1),
  provider: 'openai',
  model: `${handle}-model`,
  settings: { contextWindow: 100_000 },
  dap: {},
  enabled: true,
  colour: '#000',
});

const room = (limits: RoomData['limits'] = {}): RoomData => ({
  name: 'Room',
  human: { kind: 'human', id: 'human', handle: 'you', aliases: [], displayName: 'You' },
  peers: [seat('alpha'), seat('beta'), seat('gamma')],
  modeId: 'collaborative',
  customModes: [],
  limits,
  seed: 7,
});

type Stage = 'answer' | 'review' | 'synthesis' | 'other';
/** What a peer replies, given its stage and the text it was sent (the transcript it sees and the note). */
type Replies = (peer: string, stage: Stage, sent: string) => string | TurnRecord;

/** Drives a room like the store does: each started turn opens, is sent its request, and finishes with `replies`. */
class Room {
  state: RoomProjection;
  log: RoomEvent[] = [];
  /** What each turn was sent, by peer handle and stage. */
  sent: { peer: string; stage: Stage; text: string }[] = [];
  private lamport = 0;
  private pending: Extract<RoomEffect, { type: 'start-turn' }>[] = [];

  constructor(
    private readonly replies: Replies,
    limits: RoomData['limits'] = {},
  ) {
    this.state = undefined as unknown as RoomProjection;
    this.append({ type: 'conversation-started', conversationId: 'c1', title: 'Room', room: room(limits) });
  }

  append(body: RoomEventBody): string | null {
    this.lamport++;
    const event = { ...body, id: `e${this.lamport}`, lamport: this.lamport, at: 1_000 + this.lamport } as RoomEvent;
    const step = reduceRoom(this.state, event);
    if (step.refused !== null) return step.refused;
    this.state = step.state;
    this.log.push(event);
    for (const effect of step.effects) if (effect.type === 'start-turn') this.pending.push(effect);
    return null;
  }

  ask(text: string, council?: CouncilRequest): void {
    this.append({ type: 'human-message', messageId: `h${this.lamport}`, text, ...(council ? { council } : {}) });
  }

  /** Runs every turn started, one at a time, until none is left (or `limit` turns ran). */
  run(limit = 50): void {
    for (let ran = 0; this.pending.length > 0 && ran < limit; ran++) {
      const effect = this.pending.shift()!;
      // A turn stopped before it ran (Stop all) is not run.
      if (!runningTurn(this.state, effect.turnId)) continue;
      const messageId = `m-${effect.turnId}`;
      this.append({ type: 'turn-opened', turnId: effect.turnId, messageId });
      const handle = effect.peerId.replace('id-', '');
      const stage: Stage = effect.reason.kind === 'council' ? effect.reason.stage : 'other';
      const transcript = transcriptOf(this.state).filter((message) => message.id !== messageId);
      const turn = councilTurn(this.state, transcript, effect.reason, effect.peerId);
      // As the context builder shares it: notices are the app's, never sent to peers.
      const shared = turn.messages.filter((message) => message.kind !== 'notice');
      const text = [...shared.map((message) => message.text), turn.note ?? ''].join('\n---\n');
      this.sent.push({ peer: handle, stage, text });
      const reply = this.replies(handle, stage, text);
      const result: TurnRecord =
        typeof reply === 'string'
          ? { status: 'complete', text: reply, stopReason: 'stop', usage: { input: 10, output: 10 } }
          : reply;
      this.append({ type: 'turn-finished', turnId: effect.turnId, messageId, result });
    }
  }

  audit(type: CoreEvent['type']): CoreEvent[] {
    return this.state.events.filter((event) => event.type === type);
  }
}

const ANSWERS: Record<string, string> = {
  alpha: 'It is 42, as @beta will agree.\nAnswer: 42',
  beta: 'Working it out… Answer: **42**.',
  gamma: 'I get 41.\nAnswer: 41',
};

/** Alpha and Gamma vote for Beta's answer wherever it was placed; Beta votes for Gamma's. */
function reviewerVote(peer: string, sent: string): string {
  const wanted = peer === 'beta' ? 'I get 41.' : 'Working it out…';
  const letter = /Response ([A-Z]):\n([^\n]*)/g;
  for (const [, label, first] of sent.matchAll(letter))
    if (first!.startsWith(wanted)) return `Reason: ${peer} checked it.\nVote: Response ${label}`;
  return 'Vote: none';
}

const councilReplies: Replies = (peer, stage, sent) => {
  if (stage === 'answer') return ANSWERS[peer]!;
  if (stage === 'review') return reviewerVote(peer, sent);
  if (stage === 'synthesis') return 'The council says 42; Gamma dissented.';
  return 'ok';
};

describe('a council round in the room', () => {
  it('answers on its own, reviews anonymised answers, tallies the vote and shows consensus and dissent', () => {
    const room = new Room(councilReplies);
    room.ask('What is 6 × 7?', { strategy: 'council' });
    room.run();

    const stages = room.sent.map((turn) => `${turn.stage}:${turn.peer}`);
    expect(stages.slice(0, 3).every((stage) => stage.startsWith('answer:'))).toBe(true);
    expect(stages.slice(3).sort()).toEqual(['review:alpha', 'review:beta', 'review:gamma']);
    // No peer's first answer saw another's, though they ran one after the other.
    for (const turn of room.sent.filter((sent) => sent.stage === 'answer')) {
      for (const other of Object.keys(ANSWERS).filter((peer) => peer !== turn.peer))
        expect(turn.text).not.toContain(ANSWERS[other]!.split('\n')[0]);
      expect(turn.text).toContain('Answer: <your final answer');
    }
    // A reviewer sees the others' answers under labels, never their names, and not its own among them.
    const alphaReview = room.sent.find((sent) => sent.stage === 'review' && sent.peer === 'alpha')!.text;
    expect(alphaReview).toMatch(/Response A:[\s\S]*Response B:/);
    expect(alphaReview).not.toMatch(/Response C:/);
    expect(alphaReview).not.toMatch(/Beta|Gamma/);
    // The answers' mentions asked nobody else to speak.
    expect(room.audit('turn-dispatched')).toHaveLength(6);

    const [tally] = room.audit('council-tallied');
    expect(tally).toMatchObject({
      strategy: 'council',
      consensus: ['id-beta'],
      answer: '42',
      votes: { 'id-beta': 2, 'id-gamma': 1 },
      dissent: [{ peerId: 'id-beta', reason: 'beta checked it.' }],
      answered: 3,
    });
    const notice = transcriptOf(room.state).at(-1)!;
    expect(notice).toMatchObject({ kind: 'notice', council: { consensus: ['id-beta'] } });
    expect(notice.text).toContain('Consensus (2 of 3 votes) — Beta: 42');
    expect(notice.text).toContain('- Beta — beta checked it.');
    expect(room.state.lastRoundEnd).toBe('queue-empty');
  });

  it('replaying its log gives exactly the live state', () => {
    const room = new Room(councilReplies);
    room.ask('What is 6 × 7?', { strategy: 'council', synthesizerId: 'id-gamma' });
    room.run();
    room.ask('@alpha thanks');
    room.run();
    expect(replayRoom(room.log)).toEqual(room.state);
  });

  it('a majority vote skips the reviews; the dissent is the other answer', () => {
    const room = new Room(councilReplies);
    room.ask('What is 6 × 7?', { strategy: 'vote' });
    room.run();
    expect(room.sent.map((turn) => turn.stage)).toEqual(['answer', 'answer', 'answer']);
    expect(room.audit('council-tallied')[0]).toMatchObject({
      strategy: 'vote',
      consensus: ['id-alpha', 'id-beta'],
      answer: '42',
      dissent: [{ peerId: 'id-gamma', reason: 'answered: 41' }],
    });
    expect(transcriptOf(room.state).at(-1)!.text).toContain('Consensus (2 of 3 answers) — Alpha, Beta: 42');
  });

  it('the chosen peer writes a synthesis once the vote is in, sent the answers anonymised with the tally', () => {
    const room = new Room(councilReplies);
    room.ask('What is 6 × 7?', { strategy: 'council', synthesizerId: 'id-alpha' });
    room.run();
    const synthesis = room.sent.at(-1)!;
    expect(synthesis).toMatchObject({ peer: 'alpha', stage: 'synthesis' });
    expect(synthesis.text).toMatch(/Consensus: Response [ABC] \(42\)/);
    expect(synthesis.text).not.toMatch(/Beta|Gamma/);
    const order = transcriptOf(room.state).map((message) => message.kind);
    expect(order.slice(-2)).toEqual(['notice', 'peer']);
  });

  it('Stop all stops it: no review, no tally', () => {
    const room = new Room(councilReplies);
    room.ask('What is 6 × 7?', { strategy: 'council' });
    room.run(1);
    room.append({ type: 'human-control', control: { type: 'stop-all' } });
    room.run();
    expect(room.sent.map((turn) => turn.stage)).toEqual(['answer']);
    expect(room.audit('council-tallied')).toEqual([]);
    expect(room.state.lastRoundEnd).toBe('stopped-by-human');
  });

  it('a spent token budget stops it before the next stage; the turn budget does not count its turns', () => {
    const spent = new Room(councilReplies, { tokenBudget: 40 });
    spent.ask('What is 6 × 7?', { strategy: 'council' });
    spent.run();
    expect(spent.sent.map((turn) => turn.stage)).toEqual(['answer', 'answer']);
    expect(spent.state.lastRoundEnd).toBe('token-budget');
    expect(spent.audit('council-tallied')[0]).toMatchObject({ answered: 2, consensus: [] });

    const fewTurns = new Room(councilReplies, { maxTurnsPerRound: 1 });
    fewTurns.ask('What is 6 × 7?', { strategy: 'council', synthesizerId: 'id-beta' });
    fewTurns.run();
    expect(fewTurns.sent).toHaveLength(7);
  });

  it('a failed first answer leaves that peer out of the reviews; one answer is no council to review', () => {
    const failing: Replies = (peer, stage, sent) =>
      peer === 'gamma' && stage === 'answer'
        ? { status: 'error', text: '', error: { reason: 'server-error', message: 'The provider failed.' } }
        : councilReplies(peer, stage, sent);
    const room = new Room(failing);
    room.ask('What is 6 × 7?', { strategy: 'council' });
    room.run();
    expect(
      room.sent
        .filter((turn) => turn.stage === 'review')
        .map((turn) => turn.peer)
        .sort(),
    ).toEqual(['alpha', 'beta']);

    const alone: Replies = (peer, stage, sent) =>
      peer !== 'alpha' && stage === 'answer'
        ? { status: 'error', text: '', error: { reason: 'timeout', message: 'No answer.' } }
        : councilReplies(peer, stage, sent);
    const single = new Room(alone);
    single.ask('What is 6 × 7?', { strategy: 'council' });
    single.run();
    expect(single.sent.filter((turn) => turn.stage === 'review')).toEqual([]);
  });

  it('only the peers the human named sit on the council', () => {
    const room = new Room(councilReplies);
    room.ask('@alpha @gamma what is 6 × 7?', { strategy: 'vote' });
    room.run();
    expect(room.sent.map((turn) => turn.peer)).toEqual(['alpha', 'gamma']);
  });

  it('refuses a synthesizer who is not at the table, and forgets a default one who left', () => {
    const room = new Room(councilReplies);
    expect(
      room.append({ type: 'council-default-set', council: { strategy: 'vote', synthesizerId: 'id-nobody' } }),
    ).toMatch(/must be written by a peer of the room/);
    room.ask('hi', { strategy: 'council', synthesizerId: 'id-nobody' });
    expect(room.sent).toEqual([]);
    expect(
      room.append({ type: 'council-default-set', council: { strategy: 'council', synthesizerId: 'id-beta' } }),
    ).toBe(null);
    room.append({ type: 'seats-set', peers: room.state.peers.filter((peer) => peer.id !== 'id-beta') });
    expect(room.state.councilDefault).toEqual({ strategy: 'council' });
  });
});

describe('the facilitator note', () => {
  it('goes at the end of the last user message, marked as the app’s', () => {
    const request = {
      peerId: 'p',
      model: 'm',
      system: '',
      messages: [{ role: 'user' as const, content: '[@you (You)]: hi' }],
    };
    const noted = withFacilitatorNote(request, 'Vote.');
    expect(noted.messages).toEqual([{ role: 'user', content: `[@you (You)]: hi\n\n${FACILITATOR_HEADER}\nVote.` }]);
    expect(withFacilitatorNote(request, null)).toBe(request);
  });
});
