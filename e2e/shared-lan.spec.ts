/**
 * Sharing on a LAN: `npm start -- --host 0.0.0.0` serves the app over plain http at the machine's address, and a
 * page there is not a secure context (only https, localhost and 127.0.0.1 are), so `crypto.randomUUID` and
 * `crypto.subtle` do not exist. This browser maps the name `peerchat.lan` to 127.0.0.1, so the app is reached as it
 * would be from another machine on the network.
 */
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromiumOnThisMachine } from '../scripts/find-chromium.ts';
import { script } from './fake-control.ts';
import { articles, send } from './room.ts';
import { anaRoom, closeShared, joinAs, person, share, startSync } from './shared-room.ts';

const LAN_HOST = 'peerchat.lan';

test('over plain http on a LAN a person attaches a file, shares the room, and a second person joins and speaks', async () => {
  test.setTimeout(60_000);
  const lan = await chromium.launch({
    executablePath: findChromiumOnThisMachine(),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
  });
  try {
    const sync = await startSync();
    const address = `${LAN_HOST}:${sync.server.port}`;
    const ana = await person(lan);
    const bo = await person(lan);

    await ana.goto(`http://${address}/`);
    expect(await ana.evaluate(() => window.isSecureContext)).toBe(false);
    await ana
      .getByLabel('Import room')
      .setInputFiles({ name: 'room.json', mimeType: 'application/json', buffer: Buffer.from(anaRoom('lan-alpha')) });
    await expect(ana.getByRole('button', { name: 'Mute Alpha' })).toBeVisible();

    await script('lan-alpha', { text: 'Alpha read the notes.' });
    await ana
      .getByLabel('Attach files')
      .setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Ship on Friday.') }]);
    await send(ana, '@alpha read these notes');
    await expect(articles(ana, 'alpha')).toContainText('Alpha read the notes.');
    await expect(articles(ana, 'you').locator('[data-attachment="notes.txt"]')).toBeVisible();

    const link = await share(ana, 'Ana');
    expect(new URL(link).host).toBe(address);
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('server')).toBe(`ws://${address}/sync`);

    await joinAs(bo, link, 'Bo');
    await expect(articles(bo, 'alpha')).toContainText('Alpha read the notes.');
    await send(bo, 'Bo, from across the LAN');
    await expect(ana.locator('article').filter({ hasText: 'Bo, from across the LAN' })).toContainText('Bo');
  } finally {
    await closeShared();
    await lan.close();
  }
});
