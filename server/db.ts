/**
 * The server's one SQLite file (`<dataDir>/peerchat.sqlite`, WAL): rooms with their secret's hash, members with
 * their key's hash and role, every Yjs update of each room's document, appended as it happens, and the files
 * attached in each room, by SHA-256.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MemberRole } from '../src/core/shared/index.ts';

export interface MemberRow {
  memberId: string;
  name: string;
  role: MemberRole;
  joinedAt: number;
  removed: boolean;
  keyHash: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Whether `text` hashes to `hash`, compared in constant time. */
export function matchesHash(text: string, hash: string): boolean {
  const actual = Buffer.from(sha256(text), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

interface RawMember {
  member_id: string;
  name: string;
  role: MemberRole;
  joined: number;
  removed: number;
  key_hash: string;
}

const toMember = (row: RawMember): MemberRow => ({
  memberId: row.member_id,
  name: row.name,
  role: row.role,
  joinedAt: row.joined,
  removed: row.removed === 1,
  keyHash: row.key_hash,
});

export function openDatabase(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'peerchat.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS rooms (id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, created INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS members (
      room TEXT NOT NULL, member_id TEXT NOT NULL, key_hash TEXT NOT NULL, name TEXT NOT NULL,
      role TEXT NOT NULL, joined INTEGER NOT NULL, removed INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (room, member_id));
    CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);
    CREATE TABLE IF NOT EXISTS files (
      room TEXT NOT NULL, id TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL,
      member_id TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY (room, id));
  `);
  const statements = {
    room: db.prepare<[string], { secret_hash: string }>('SELECT secret_hash FROM rooms WHERE id = ?'),
    createRoom: db.prepare('INSERT INTO rooms (id, secret_hash, created) VALUES (?, ?, ?)'),
    member: db.prepare<[string, string], RawMember>('SELECT * FROM members WHERE room = ? AND member_id = ?'),
    members: db.prepare<[string], RawMember>('SELECT * FROM members WHERE room = ? ORDER BY joined'),
    activeCount: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM members WHERE room = ? AND removed = 0',
    ),
    addMember: db.prepare(
      'INSERT INTO members (room, member_id, key_hash, name, role, joined) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    rename: db.prepare('UPDATE members SET name = ? WHERE room = ? AND member_id = ?'),
    setRole: db.prepare('UPDATE members SET role = ? WHERE room = ? AND member_id = ?'),
    remove: db.prepare('UPDATE members SET removed = 1 WHERE room = ? AND member_id = ?'),
    appendUpdate: db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)'),
    updates: db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY seq'),
    file: db.prepare<[string, string], { mime: string; data: Buffer }>(
      'SELECT mime, data FROM files WHERE room = ? AND id = ?',
    ),
    hasFile: db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM files WHERE room = ? AND id = ?'),
    fileBytes: db.prepare<[string], { n: number | null }>('SELECT SUM(size) AS n FROM files WHERE room = ?'),
    addFile: db.prepare(
      'INSERT OR IGNORE INTO files (room, id, mime, size, data, member_id, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  return {
    roomSecretHash: (room: string) => statements.room.get(room)?.secret_hash,
    createRoom: (room: string, secret: string, now: number) => statements.createRoom.run(room, sha256(secret), now),
    member: (room: string, memberId: string) => {
      const row = statements.member.get(room, memberId);
      return row ? toMember(row) : undefined;
    },
    members: (room: string) => statements.members.all(room).map(toMember),
    activeMembers: (room: string) => statements.activeCount.get(room)?.n ?? 0,
    addMember: (room: string, memberId: string, key: string, name: string, role: MemberRole, now: number) =>
      statements.addMember.run(room, memberId, sha256(key), name, role, now),
    rename: (room: string, memberId: string, name: string) => statements.rename.run(name, room, memberId),
    setRole: (room: string, memberId: string, role: MemberRole) => statements.setRole.run(role, room, memberId),
    remove: (room: string, memberId: string) => statements.remove.run(room, memberId),
    appendUpdate: (room: string, update: Uint8Array) => statements.appendUpdate.run(room, Buffer.from(update)),
    updates: (room: string) => statements.updates.all(room).map((row) => new Uint8Array(row.data)),
    file: (room: string, id: string) => {
      const row = statements.file.get(room, id);
      return row ? { mimeType: row.mime, bytes: new Uint8Array(row.data) } : undefined;
    },
    hasFile: (room: string, id: string) => (statements.hasFile.get(room, id)?.n ?? 0) > 0,
    roomFileBytes: (room: string) => statements.fileBytes.get(room)?.n ?? 0,
    addFile: (room: string, file: { id: string; mimeType: string; bytes: Uint8Array; memberId: string }, now: number) =>
      statements.addFile.run(
        room,
        file.id,
        file.mimeType,
        file.bytes.byteLength,
        Buffer.from(file.bytes),
        file.memberId,
        now,
      ),
    close: () => db.close(),
  };
}

export type RoomDatabase = ReturnType<typeof openDatabase>;
