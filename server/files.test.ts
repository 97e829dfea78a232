/** The files of a shared room, put and got over HTTP on the real server, by members only, checked by hash. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sharedRoomFixture } from './room-fixture.ts';
import type { TestClient } from './testing.ts';

const LIMITS = { maxFileBytes: 1_000, maxRoomFileBytes: 1_500, fileBurst: 30, filesPerSecond: 1 };
const room = sharedRoomFixture({ ownerGoneMs: 300, limits: LIMITS });

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string) => new TextEncoder().encode(text);
const fileUrl = (id: string, roomId = 'room-1') => `${room.server.url}/sync/files/${roomId}/${id}`;
const as = (client: Pick<TestClient, 'memberId' | 'memberKey'>) => ({
  authorization: `Bearer ${client.memberKey}`,
  'x-peerchat-member': client.memberId,
});

async function put(client: Pick<TestClient, 'memberId' | 'memberKey'>, bytes: Uint8Array, type = 'text/plain') {
  const response = await fetch(fileUrl(hashOf(bytes)), {
    method: 'PUT',
    headers: { ...as(client), 'content-type': type },
    body: new Blob([bytes as BlobPart]),
  });
  return { status: response.status, text: await response.text() };
}

const refusals = () =>
  room.server.lines.filter((line) => line.event === 'file-refused').map((line) => line.reason ?? '');

describe('files of a shared room', () => {
  it('a member puts a file and another member gets the same bytes and type, after a restart too', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const notes = bytesOf('Ship on Friday.');
    expect(await put(ann, notes, 'text/markdown')).toEqual({ status: 201, text: 'Stored.' });
    expect((await put(bo, notes, 'text/markdown')).status).toBe(200); // the same file, kept once

    await room.restart({ limits: LIMITS });
    const got = await fetch(fileUrl(hashOf(notes)), { headers: as(bo) });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('x-peerchat-type')).toBe('text/markdown');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(notes);
  });

  it('refuses strangers, removed members, wrong hashes, other types and files over the caps, and logs why', async () => {
    const ann = await room.sharedByAnn();
    const bo = room.join('Bo', { memberId: 'bo' });
    await bo.synced();
    const notes = bytesOf('Ship on Friday.');

    expect((await put({ memberId: 'ann', memberKey: 'not-hers' }, notes)).status).toBe(403);
    expect((await put({ memberId: 'eve', memberKey: 'whatever' }, notes)).status).toBe(403);
    const forged = await fetch(fileUrl(hashOf(bytesOf('something else'))), {
      method: 'PUT',
      headers: { ...as(ann), 'content-type': 'text/plain' },
      body: new Blob([notes as BlobPart]),
    });
    expect(forged.status).toBe(400);
    expect((await put(ann, notes, 'text/html; charset=utf-8')).status).toBe(201); // text of any kind is text
    expect((await put(ann, bytesOf('<svg/>'), 'image/svg+xml')).status).toBe(415);
    expect((await put(ann, new Uint8Array(1_001))).status).toBe(413);
    expect((await put(ann, new Uint8Array(900).fill(1))).status).toBe(201);
    expect((await put(ann, new Uint8Array(900).fill(2))).status).toBe(413); // the room's files would pass 1,500
    expect(await (await fetch(fileUrl(hashOf(notes)))).text()).toBe(
      'Only a member of this room can put or get its files.',
    );
    expect((await fetch(fileUrl(hashOf(notes), 'room-2'), { headers: as(ann) })).status).toBe(403);

    ann.send({ t: 'member', id: 'rm', memberId: 'bo', remove: true });
    expect(await ann.answer('rm')).toEqual({ t: 'ack', id: 'rm' });
    expect((await fetch(fileUrl(hashOf(notes)), { headers: as(bo) })).status).toBe(403);

    expect(refusals()).toEqual([
      'Only a member of this room can put or get its files.',
      'Only a member of this room can put or get its files.',
      "The file's bytes do not match its name (their SHA-256).",
      'A file of type "image/svg+xml" cannot be attached.',
      'A file may be at most 1000 bytes.',
      "This room's files may take at most 1500 bytes.",
      'Only a member of this room can put or get its files.',
      'Only a member of this room can put or get its files.',
      'Only a member of this room can put or get its files.',
    ]);
    expect(JSON.stringify(room.server.lines)).not.toContain(ann.memberKey);
  });

  it('limits how fast a member may put and get files, and says so', async () => {
    const ann = await room.sharedByAnn();
    const notes = bytesOf('Ship on Friday.');
    await put(ann, notes);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await fetch(fileUrl(hashOf(notes)), { headers: as(ann) })).status);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(30);
    expect(statuses.at(-1)).toBe(429);
    const limited = room.server.lines.filter((line) => line.event === 'rate-limited');
    expect(limited[0]).toMatchObject({ member: 'ann', reason: 'Too many file requests: slow down.' });
  });
});
