/**
 * The sync server as the shared-room benchmark runs it: `server/main.ts`'s server, in a child process started with
 * `--expose-gc` and an IPC channel, on which it answers `{ type: 'retained' }` with the memory it holds after a full
 * garbage collection. RSS alone cannot tell a room's cost: it keeps pages the heap has freed and moves with V8's
 * heap sizing, so the difference of two readings can even be negative.
 */
import { parseArgs } from 'node:util';
import { createSyncServer } from '../../server/sync-server.ts';

export interface RetainedMemory {
  /** V8 heap in use after a full collection. */
  heapBytes: number;
  /** Memory outside the V8 heap that JS objects hold (Buffers, ArrayBuffers, SQLite's through its binding). */
  externalBytes: number;
}

const { values } = parseArgs({
  options: { port: { type: 'string' }, data: { type: 'string' }, static: { type: 'string' } },
});
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect || !process.send) throw new Error('Run this with --expose-gc, as a child process with an IPC channel.');

const server = await createSyncServer({
  host: '127.0.0.1',
  port: Number(values.port),
  dataDir: values.data!,
  staticDir: values.static!,
});
console.log(`PeerChat listening on ${server.url}`);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'retained') return;
  collect();
  const usage = process.memoryUsage();
  const retained: RetainedMemory = { heapBytes: usage.heapUsed, externalBytes: usage.external };
  process.send!({ type: 'retained', ...retained });
});
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
