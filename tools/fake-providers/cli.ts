// `npx tsx tools/fake-providers/cli.ts [--port N] [--host H] [--tokens-per-second N]`
// Prints the URL, then serves until SIGINT/SIGTERM. Port: --port, else FAKE_PROVIDERS_PORT, else 8787.
import { parseArgs } from 'node:util';
import type { LoopbackHost } from './index.ts';
import { startFakeProviders } from './index.ts';

const DEFAULT_PORT = 8787;

function fail(message: string): never {
  console.error(`fake providers: ${message}`);
  process.exit(2);
}

function toNumber(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`${what} must be a non-negative integer, got ${value}`);
  return n;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'tokens-per-second': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: tsx tools/fake-providers/cli.ts [--port N] [--host 127.0.0.1] [--tokens-per-second N]');
  process.exit(0);
}

const port =
  toNumber(values.port, '--port') ?? toNumber(process.env.FAKE_PROVIDERS_PORT, 'FAKE_PROVIDERS_PORT') ?? DEFAULT_PORT;
const host = (values.host ?? '127.0.0.1') as LoopbackHost; // startFakeProviders rejects non-loopback hosts.
// A visible pace by default, so a human watching the dev app sees tokens stream in.
const tokensPerSecond = toNumber(values['tokens-per-second'], '--tokens-per-second') ?? 30;

try {
  const fake = await startFakeProviders({ port, host, defaultReply: { tokensPerSecond } });
  console.log(`Fake providers listening on ${fake.url}`);
  const stop = (signal: string) => {
    console.log(`fake providers: ${signal}, closing`);
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'EADDRINUSE' ? `port ${port} is already in use (set --port or FAKE_PROVIDERS_PORT)` : String(error));
}
