/**
 * The README's screenshots (docs/images/*.png): the built app's demo room after a round, at 1366×820 and 390×844,
 * in the light and the dark theme. Run `npx tsx scripts/screenshots.ts` after a visible change, and look at them:
 * no control may be clipped.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { startStaticServer } from '../bench/lib/static-server.ts';
import { CHROMIUM_ARGS, findChromiumOnThisMachine } from './find-chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'images');
const SHOTS = [
  { file: 'demo-desktop-light.png', width: 1366, height: 820, theme: 'light' },
  { file: 'demo-desktop-dark.png', width: 1366, height: 820, theme: 'dark' },
  { file: 'demo-phone-light.png', width: 390, height: 844, theme: 'light' },
  { file: 'demo-phone-dark.png', width: 390, height: 844, theme: 'dark' },
] as const;

const dist = mkdtempSync(join(tmpdir(), 'peerchat-shots-'));
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist } });
const server = await startStaticServer([{ prefix: '/', dir: dist }]);
const browser = await chromium.launch({ executablePath: findChromiumOnThisMachine(), args: CHROMIUM_ARGS });
try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.theme,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page
      .getByRole('textbox', { name: 'Message' })
      .fill('@all How should a small team choose between Postgres and DynamoDB?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('[data-round-end]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, shot.file) });
    console.log(`docs/images/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dist, { recursive: true, force: true });
}
