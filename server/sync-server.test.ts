import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../src/core/index.ts';
import { sharedLog, sharedRoom, sharedSeat } from '../src/core/shared/testing.ts';
import { ofType, SECRET, sharedRoomFixture } from './room-fixture.ts';
import { temporaryFolder, waitFor } from './testing.ts';

const room = sharedRoomFixture();

describe('joining', () => {
  it('a member who has the secret sees the history and the members', async () => {
    const ann = await room.sharedByAnn();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: 'hello' });
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    await waitFor('the history', () => bo.log().length >= 2);
    expect(bo.log().map((event) => event.type)).toEqual(['conversation-started', 'human-message', 'turn-opened']);
    expect(bo.log()[1]).toMatchObject({ sender: { memberId: 'ann', name: 'Ann' } });
    await waitFor('the members', () => bo.members().bo);
    expect(bo.members()).toMatchObject({ ann: { role: 'owner' }, bo: { role: 'contributor', name: 'Bo' } });
  });

  it('refuses a wrong secret and a known member with a wrong key, and logs why', async () => {
    await room.sharedByAnn();
    const stranger = room.join('Eve', { secret: 'guess' });
    await waitFor('the refusal', () => stranger.authFailure);
    const impostor = room.join('Ann', { memberId: 'ann', memberKey: 'not-hers' });
    await waitFor('the refusal', () => impostor.authFailure);
    const reasons = room.server.lines.filter((line) => line.event === 'join-refused').map((line) => line.reason);
    expect(reasons).toEqual(['The room secret is wrong.', 'The member key is wrong.']);
    const odd = room.join('Eve', { room: 'no/such room', create: true });
    await waitFor('the refusal', () => odd.authFailure);
    expect(odd.authFailure).toBe('The room id is not valid.');
    expect(JSON.stringify(room.server.lines)).not.toContain('guess');
    expect(JSON.stringify(room.server.lines)).not.toContain(SECRET);
  });
});

describe('authority', () => {
  it('stamps the sender: a member cannot post as another', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const forged = { type: 'human-message', messageId: 'h1', text: 'hi', sender: { memberId: 'ann', name: 'Ann' } };
    expect(await bo.intent('forged', forged)).toMatchObject({
      t: 'refused',
      reason: expect.stringContaining('sender'),
    });
    expect(await bo.intent('h2', { type: 'human-message', messageId: 'h2', text: 'hi' })).toMatchObject({ t: 'ack' });
    await waitFor('the message', () => ofType(ann.log(), 'human-message').length === 1);
    expect(ofType(ann.log(), 'human-message')[0]).toMatchObject({ id: 'h2', sender: { memberId: 'bo', name: 'Bo' } });
  });

  it("refuses an event for another member's peer and accepts it for one's own", async () => {
    await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const mute = (peerId: string) => ({ type: 'human-control', control: { type: 'mute', peerId } });
    expect(await bo.intent('m1', mute('seat-claude'))).toMatchObject({
      t: 'refused',
      reason: "Only claude's owner, the room's owner or an arbiter can mute it.",
    });
    expect(await bo.intent('m2', mute('seat-gpt'))).toEqual({ t: 'ack', id: 'm2' });
  });

  it('keeps governance to the owner and arbiters, and roles to the owner', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const stopAll = { type: 'human-control', control: { type: 'stop-all' } };
    expect(await bo.intent('s1', stopAll)).toMatchObject({ t: 'refused' });
    bo.send({ t: 'member', id: 'self-promote', memberId: 'bo', role: 'arbiter' });
    expect(await bo.answer('self-promote')).toMatchObject({ reason: "Only the room's owner can change members." });
    ann.send({ t: 'member', id: 'grant', memberId: 'bo', role: 'arbiter' });
    expect(await ann.answer('grant')).toEqual({ t: 'ack', id: 'grant' });
    await waitFor('the new role', () => bo.members().bo?.role === 'arbiter');
    expect(await bo.intent('s2', stopAll)).toEqual({ t: 'ack', id: 's2' });
    expect(await bo.intent('t1', { type: 'title-set', title: 'Mine' })).toMatchObject({
      reason: "Only the room's owner can rename the conversation.",
    });
    expect(await ann.intent('t2', { type: 'title-set', title: 'Ours' })).toEqual({ t: 'ack', id: 't2' });
  });

  it('lets members change only their own seats and edit only their own messages', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const seats = sharedRoom([
      ['claude', 'ann'],
      ['gpt', 'bo'],
    ]).peers;
    const forAnn = { type: 'seats-set', peers: [...seats, sharedSeat('mistral', 'ann')] };
    expect(await bo.intent('seat1', forAnn)).toMatchObject({ reason: 'The new seat mistral must be yours.' });
    const own = { type: 'seats-set', peers: [...seats, sharedSeat('mistral', 'bo')] };
    expect(await bo.intent('seat2', own)).toEqual({ t: 'ack', id: 'seat2' });
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: 'plain' });
    const edit = { type: 'human-message', messageId: 'h1b', text: 'mine now', edits: 'h1' };
    expect(await bo.intent('e1', edit)).toMatchObject({ reason: 'You can only edit your own messages.' });
    const removal = { t: 'member', id: 'rm', memberId: 'bo', remove: true };
    ann.send(removal);
    expect(await ann.answer('rm')).toEqual({ t: 'ack', id: 'rm' });
    // Bo's seats leave the table with Bo, so the arbiter never picks a peer whose browser is gone.
    const seatsAfter = () => ann.log().find((event) => event.id === 'removed:bo:0');
    await waitFor("Bo's seats leaving", () => seatsAfter());
    expect(seatsAfter()).toMatchObject({ type: 'seats-set', peers: [{ handle: 'claude', ownerId: 'ann' }] });
    const again = room.join('Bo', { memberId: 'bo', memberKey: bo.memberKey });
    await waitFor('the refusal', () => again.authFailure);
    expect(again.authFailure).toBe('This member was removed from the room.');
  });
});

describe('limits', () => {
  it('refuses an oversized message and a flood with a logged reason, and the room stays intact', async () => {
    await room.restart({ limits: { maxMessageBytes: 4_000, burst: 30, perSecond: 1 } });
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const before = ann.log().length;
    bo.send({ t: 'intent', id: 'big', body: { type: 'human-message', messageId: 'big', text: 'x'.repeat(10_000) } });
    await waitFor('the size refusal', () => room.server.lines.find((line) => line.event === 'message-refused'));
    const flooder = room.join('Cy', { memberId: 'cy' });
    await flooder.synced();
    for (let index = 0; index < 60; index += 1)
      flooder.send({ t: 'intent', id: `f${index}`, body: { type: 'title-set', title: `t${index}` } });
    await waitFor('the rate refusal', () => room.server.lines.find((line) => line.event === 'rate-limited'));
    expect(room.server.lines.find((line) => line.event === 'message-refused')?.reason).toMatch(/too large/);
    expect(room.server.lines.find((line) => line.event === 'rate-limited')).toMatchObject({ member: 'cy' });
    expect(ann.log().length).toBe(before);
    expect(await ann.intent('after', { type: 'title-set', title: 'Still here' })).toEqual({ t: 'ack', id: 'after' });
  });

  it('rate-limits streamed text on its own bucket, so a streaming turn neither is cut off nor lets intents flood', async () => {
    await room.restart({ limits: { burst: 20, perSecond: 1, deltaBurst: 100, deltaPerSecond: 1 } });
    const ann = await room.sharedByAnn();
    await ann.intent('h1', { type: 'human-message', messageId: 'h1', text: '@claude hi' });
    const opened = await waitFor('the turn', () => ofType(ann.log(), 'turn-opened')[0]);
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    for (let seq = 0; seq < 60; seq += 1) ann.send({ t: 'delta', turnId: opened.turnId, seq, text: `${seq} ` });
    const relayed = () => bo.received.filter((message) => message.t === 'delta').map((message) => message.text);
    await waitFor('all 60 deltas relayed', () => relayed().length === 60 || undefined);
    expect(relayed().join('')).toBe(Array.from({ length: 60 }, (_, seq) => `${seq} `).join(''));
    expect(room.server.lines.find((line) => line.event === 'rate-limited')).toBeUndefined();
    for (let seq = 60; seq < 160; seq += 1) ann.send({ t: 'delta', turnId: opened.turnId, seq, text: '.' });
    await waitFor('the delta flood refused', () => room.server.lines.find((line) => line.event === 'rate-limited'));
  });

  it('refuses a Yjs update written by a member: only the server writes the room', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const forged = { type: 'title-set', title: 'Forged', id: 'forged', lamport: 99, at: 0 } as RoomEvent;
    bo.provider.document.getArray<RoomEvent>('log').push([forged]);
    await waitFor('the refusal', () => room.server.lines.find((line) => line.event === 'write-refused'));
    expect(await ann.intent('t1', { type: 'title-set', title: 'Real' })).toEqual({ t: 'ack', id: 't1' });
    expect(ann.log().map((event) => event.id)).not.toContain('forged');
    const fresh = room.join('Dee', { memberId: 'dee' });
    await fresh.synced();
    await waitFor('the log', () => fresh.log().some((event) => event.id === 't1'));
    expect(fresh.log().map((event) => event.id)).not.toContain('forged');
  });
});

describe('importing', () => {
  it('takes the log once, from the owner, and never with another member named as a sender', async () => {
    const ann = room.join('Ann', { create: true, memberId: 'ann' });
    await ann.synced();
    const seats = sharedRoom([['gpt', 'bo']]);
    const forged = sharedLog(seats, {
      type: 'human-message',
      messageId: 'h1',
      text: 'hi',
      sender: { memberId: 'bo', name: 'Bo' },
    });
    ann.send({ t: 'import', id: 'forged', log: forged });
    expect(await ann.answer('forged')).toMatchObject({ reason: 'Event import-2 names another member as its sender.' });
    ann.send({ t: 'import', id: 'real', log: sharedLog(seats) });
    expect(await ann.answer('real')).toEqual({ t: 'ack', id: 'real' });
    // A resend after a reconnect (the same log) is acknowledged; another log is not.
    ann.send({ t: 'import', id: 'real-resent', log: sharedLog(seats) });
    expect(await ann.answer('real-resent')).toEqual({ t: 'ack', id: 'real-resent' });
    ann.send({ t: 'import', id: 'other', log: sharedLog(sharedRoom([['claude', 'ann']])) });
    expect(await ann.answer('other')).toMatchObject({ reason: 'This room already has a conversation.' });
    expect(ann.log()).toHaveLength(1);
  });
});

describe('the app', () => {
  it('serves the built app, with index.html for the app’s own paths, on the same port as /sync', async () => {
    const app = temporaryFolder();
    writeFileSync(join(app.path, 'index.html'), '<p>PeerChat</p>');
    try {
      await room.restart({ staticDir: app.path });
      const page = await fetch(`${room.server.url}/rooms/abc`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe('<p>PeerChat</p>');
      const ann = await room.sharedByAnn();
      expect(ann.log()).toHaveLength(1);
    } finally {
      app.remove();
    }
  });
});
