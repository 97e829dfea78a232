/**
 * Draws the app's icons (public/icons/*.png) from public/favicon.svg with Chromium: the web app manifest's 192 and
 * 512 px icons, a maskable one (the mark inside the safe zone, on a filled square) and the Apple touch icon.
 * The PNGs are committed; run `npx tsx scripts/make-icons.ts` again after changing the SVG.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromiumOnThisMachine } from './find-chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const ICONS = [
  { file: 'icon-192.png', size: 192, padding: 0.04, background: 'transparent' },
  { file: 'icon-512.png', size: 512, padding: 0.04, background: 'transparent' },
  // Maskable: launchers crop to a circle or squircle, so the mark stays within the middle 80 %.
  { file: 'icon-maskable-512.png', size: 512, padding: 0.2, background: '#ffffff' },
  { file: 'apple-touch-icon.png', size: 180, padding: 0.12, background: '#ffffff' },
];

const browser = await chromium.launch({ executablePath: findChromiumOnThisMachine(), args: CHROMIUM_ARGS });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inset = Math.round(icon.size * icon.padding);
    await page.setContent(
      `<body style="margin:0;background:${icon.background}"><div style="padding:${inset}px;width:${icon.size - 2 * inset}px;height:${icon.size - 2 * inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
    );
    await page.screenshot({
      path: join(ROOT, 'public', 'icons', icon.file),
      omitBackground: icon.background === 'transparent',
    });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
