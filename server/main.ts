/**
 * `tsx server/main.ts [--port 8080] [--host 127.0.0.1] [--data ./data] [--static dist]`: serves the built app and
 * the shared rooms on one port.
 */
import { parseArgs } from 'node:util';
import { createSyncServer } from './sync-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './data' },
    static: { type: 'string', default: 'dist' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const server = await createSyncServer({ host: values.host, port, dataDir: values.data, staticDir: values.static });
console.log(`PeerChat listening on ${server.url}`);

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
