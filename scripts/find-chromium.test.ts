import { describe, expect, it } from 'vitest';
import { findChromium, NO_BROWSER_MESSAGE } from './find-chromium.ts';

const lookup = (files: string[], env: Record<string, string> = {}, bundled?: string) => ({
  env,
  exists: (path: string) => files.includes(path),
  playwrightChromium: () => bundled,
});

describe('findChromium', () => {
  it('prefers the env override', () => {
    expect(findChromium(lookup(['/opt/c', '/usr/bin/chromium'], { PEERCHAT_CHROMIUM: '/opt/c' }))).toBe('/opt/c');
  });
  it('says so when the override points nowhere', () => {
    expect(() => findChromium(lookup(['/usr/bin/chromium'], { PEERCHAT_CHROMIUM: '/nope' }))).toThrow(/\/nope/);
  });
  it('falls back to the system Chromium, then Playwright’s own', () => {
    expect(findChromium(lookup(['/usr/bin/chromium', '/pw/chrome'], {}, '/pw/chrome'))).toBe('/usr/bin/chromium');
    expect(findChromium(lookup(['/pw/chrome'], {}, '/pw/chrome'))).toBe('/pw/chrome');
  });
  it('fails with one clear sentence when there is no browser', () => {
    expect(() => findChromium(lookup([], {}, '/pw/not-downloaded'))).toThrow(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE.split('. ').length).toBe(1);
  });
});
