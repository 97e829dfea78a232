// The CLI as `npm run dev:fake` uses it: prints its URL, serves, and exits cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

it('prints the URL (port from FAKE_PROVIDERS_PORT), serves, and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    env: { ...process.env, FAKE_PROVIDERS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (data: Buffer) => {
        out += data.toString();
        const match = /Fake providers listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`cli exited early (${code}): ${out}`)));
    });
    expect(url).not.toContain(':8787');
    expect(await (await fetch(`${url}/__control/health`)).json()).toEqual({ ok: true });
    const completion = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'cli-model', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(completion.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
});
