/** The room every shared-room test starts from: a fresh server and data folder, and members to join it. */
import { afterEach, beforeEach, expect } from 'vitest';
import { replayRoom, runningTurn, type RoomEvent } from '../src/core/index.ts';
import { sharedLog, sharedRoom } from '../src/core/shared/testing.ts';
import type { SyncServerOptions } from './sync-server.ts';
import { startServer, TestClient, temporaryFolder, waitFor } from './testing.ts';

export const SECRET = 'room-secret-123';

/** Registers the set-up and clean-up of each test; the server can be restarted on the same folder. */
export function sharedRoomFixture(options: Partial<SyncServerOptions> = { ownerGoneMs: 300 }) {
  let folder: ReturnType<typeof temporaryFolder>;
  let server: Awaited<ReturnType<typeof startServer>>;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    folder = temporaryFolder();
    server = await startServer(folder.path, options);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.close();
    folder.remove();
  });

  const join = (name: string, joinOptions: Partial<ConstructorParameters<typeof TestClient>[1]> = {}) => {
    const client = new TestClient(server.url, { room: 'room-1', name, secret: SECRET, ...joinOptions });
    clients.push(client);
    return client;
  };

  return {
    get server() {
      return server;
    },
    join,
    /** Closes the server and starts another on the same data folder. */
    async restart(restartOptions: Partial<SyncServerOptions>) {
      await server.close();
      server = await startServer(folder.path, restartOptions);
    },
    /** Ann creates the room and imports a conversation whose seats belong to Ann (claude) and Bo (gpt). */
    async sharedByAnn(): Promise<TestClient> {
      const ann = join('Ann', { create: true, memberId: 'ann' });
      await ann.synced();
      const room = sharedRoom([
        ['claude', 'ann'],
        ['gpt', 'bo'],
      ]);
      ann.send({ t: 'import', id: 'import', log: sharedLog(room) });
      expect(await ann.answer('import')).toEqual({ t: 'ack', id: 'import' });
      return ann;
    },
  };
}

/** The events of `type` in a client's log. */
export const ofType = <T extends RoomEvent['type']>(log: RoomEvent[], type: T) =>
  log.filter((event): event is Extract<RoomEvent, { type: T }> => event.type === type);

/** The turn-opened events of a log, and its first open turn's ids. */
export const openings = (log: RoomEvent[]) => ofType(log, 'turn-opened');

/** The member who owns the seat of a turn, as the room's projection says. */
export function ownerOf(client: TestClient, turnId: string): string {
  const projection = replayRoom(client.log());
  const turn = runningTurn(projection, turnId);
  return projection.peers.find((peer) => peer.id === turn?.peerId)?.ownerId ?? 'ann';
}

/** Waits until every client's log has the same events as `reference` has now. */
export async function sameLogEverywhere(reference: TestClient, others: TestClient[]): Promise<string[]> {
  const ids = reference.log().map((event) => event.id);
  for (const client of others)
    await waitFor(`${client.memberId} to catch up`, () => client.log().length === ids.length);
  return ids;
}
