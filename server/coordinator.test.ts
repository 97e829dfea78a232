import { describe, expect, it } from 'vitest';
import { completeTurn } from '../src/core/shared/testing.ts';
import { ofType, openings, ownerOf, sameLogEverywhere, sharedRoomFixture } from './room-fixture.ts';
import { waitFor, type TestClient } from './testing.ts';

const room = sharedRoomFixture();

describe('the coordinator', () => {
  it.each([2, 3])('opens each started turn exactly once with %i members connected', async (count) => {
    const ann = await room.sharedByAnn();
    const others = await Promise.all(
      ['Bo', 'Cy'].slice(0, count - 1).map(async (name) => {
        const client = room.join(name, { memberId: name.toLowerCase() });
        await client.synced();
        return client;
      }),
    );
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: '@claude @gpt what do you think?' });
    const bo = others[0]!;
    // Each opened turn is finished by its seat's owner, which lets the arbiter start the next.
    for (let turns = 1; turns <= 2; turns += 1) {
      const opened = await waitFor(`turn ${turns}`, () => openings(ann.log())[turns - 1]);
      const client = ownerOf(ann, opened.turnId) === 'bo' ? bo : ann;
      const finish = { type: 'turn-finished', turnId: opened.turnId, result: completeTurn(`answer ${turns}`) };
      expect(await client.intent(`f${turns}`, finish)).toEqual({ t: 'ack', id: `f${turns}` });
    }
    await sameLogEverywhere(ann, others);
    for (const client of [ann, ...others]) {
      const turnIds = openings(client.log()).map((event) => event.turnId);
      expect(turnIds).toHaveLength(2);
      expect(new Set(turnIds).size).toBe(2);
    }
  });

  it('ends a turn whose owner went offline, with the reason and the text so far; a late end is refused', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: '@gpt your turn' });
    const opened = await waitFor('the turn', () => openings(bo.log())[0]);
    bo.send({ t: 'delta', turnId: opened.turnId, seq: 0, text: 'Half an ' });
    await waitFor('the relayed delta', () => ann.received.find((message) => message.t === 'delta'));
    bo.close();
    const ended = await waitFor('the turn to end', () => ofType(ann.log(), 'turn-finished')[0]);
    expect(ended.result).toMatchObject({
      status: 'error',
      text: 'Half an ',
      error: { message: "Bo's browser went offline during this turn." },
    });
    expect(await ann.intent('h2', { type: 'human-message', messageId: 'h2', text: '@claude go on' })).toEqual({
      t: 'ack',
      id: 'h2',
    });
    await waitFor('the next turn', () => openings(ann.log()).length === 2);
    const back = room.join('Bo', { memberId: 'bo', memberKey: bo.memberKey });
    await back.synced();
    const late = { type: 'turn-finished', turnId: opened.turnId, result: completeTurn('Half an answer') };
    expect(await back.intent('late', late)).toMatchObject({ t: 'refused', reason: 'That turn has already ended.' });
  });

  it('a member who joins mid-turn gets the text so far', async () => {
    const ann = await room.sharedByAnn();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: '@claude hi' });
    const opened = await waitFor('the turn', () => openings(ann.log())[0]);
    ann.send({ t: 'delta', turnId: opened.turnId, seq: 0, text: 'Hel' });
    ann.send({ t: 'delta', turnId: opened.turnId, seq: 1, text: 'lo' });
    await waitFor('the deltas', () => room.server.lines.filter((line) => line.event === 'delta-refused').length === 0);
    const bo = room.join('Bo', { memberId: 'bo' });
    const full = await waitFor('the text so far', () =>
      bo.received.find((message) => message.t === 'delta' && message.text === 'Hello'),
    );
    expect(full).toMatchObject({ turnId: opened.turnId, seq: 0, full: true });
  });
  it('takes a full delta after a reconnect as all the text so far, whatever was lost before it', async () => {
    const ann = await room.sharedByAnn();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: '@claude hi' });
    const opened = await waitFor('the turn', () => openings(ann.log())[0]);
    ann.send({ t: 'delta', turnId: opened.turnId, seq: 0, text: 'Hel' });
    // Deltas 1 to 3 were lost with the connection: the page resyncs with everything so far.
    ann.send({ t: 'delta', turnId: opened.turnId, seq: 4, text: 'Hello, wor', full: true });
    ann.send({ t: 'delta', turnId: opened.turnId, seq: 5, text: 'ld' });
    const bo = room.join('Bo', { memberId: 'bo' });
    const full = await waitFor('the text so far', () =>
      bo.received.find((message) => message.t === 'delta' && message.full),
    );
    expect(full).toMatchObject({ turnId: opened.turnId, text: 'Hello, world' });
    expect(room.server.lines.filter((line) => line.event === 'delta-refused')).toEqual([]);
  });
});

describe('restarts and resends', () => {
  it('keeps the log through a restart mid-round; the owner reconnects and the turn lands', async () => {
    const ann = await room.sharedByAnn();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: '@claude hi' });
    const opened = await waitFor('the turn', () => openings(ann.log())[0]);
    const before = ann.log().map((event) => event.id);
    const port = room.server.port;
    await room.restart({ port, ownerGoneMs: 60_000 });
    await waitFor('the reconnection', () => room.server.lines.find((line) => line.event === 'rejoined'));
    const finish = { type: 'turn-finished', turnId: opened.turnId, result: completeTurn('Hello!') };
    expect(await ann.intent('f1', finish)).toEqual({ t: 'ack', id: 'f1' });
    await waitFor('the end', () => ofType(ann.log(), 'turn-finished').length === 1);
    expect(
      ann
        .log()
        .map((event) => event.id)
        .slice(0, before.length),
    ).toEqual(before);
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const ids = await sameLogEverywhere(ann, [bo]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(bo.log().map((event) => event.id)).toEqual(ids);
  });

  it('acks a resend after a reconnect without appending it twice', async () => {
    const ann = await room.sharedByAnn();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: 'once' });
    ann.close();
    const reloaded = room.join('Ann', { memberId: 'ann', memberKey: ann.memberKey });
    await reloaded.synced();
    expect(await reloaded.intent('h1', { type: 'human-message', messageId: 'h1', text: 'once' })).toEqual({
      t: 'ack',
      id: 'h1',
    });
    expect(ofType(reloaded.log(), 'human-message')).toHaveLength(1);
  });

  it('gives concurrent sends from two members one order in every member’s document', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    const cy = room.join('Cy', { memberId: 'cy' });
    await Promise.all([bo.synced(), cy.synced()]);
    const send = (client: TestClient, index: number) =>
      client.intent(`${client.memberId}-${index}`, {
        type: 'human-message',
        messageId: `${client.memberId}-m${index}`,
        text: `${client.memberId} says ${index}`,
      });
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => [send(ann, index), send(bo, index)]).flat(),
    );
    expect(answers.map((answer) => answer.t)).toEqual(Array(10).fill('ack'));
    const ids = await sameLogEverywhere(ann, [bo, cy]);
    expect(ids.filter((id) => /^(ann|bo)-/.test(id))).toHaveLength(10);
    for (const client of [bo, cy]) expect(client.log().map((event) => event.id)).toEqual(ids);
  });
});
