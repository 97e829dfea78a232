import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where we look for a browser, in order: the env override, the system Chromium, then Playwright's own. */
export const CHROMIUM_ENV_VAR = 'PEERCHAT_CHROMIUM';
const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const NO_BROWSER_MESSAGE =
  `No Chromium found: install one (Debian/Ubuntu: \`sudo apt-get install -y chromium\`; elsewhere: \`npx playwright install chromium\`) ` +
  `or set ${CHROMIUM_ENV_VAR} to the path of a Chromium or Chrome binary.`;

export interface BrowserLookup {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** Playwright's bundled Chromium path, when Playwright knows one (it may not be downloaded). */
  playwrightChromium: () => string | undefined;
}

/** Returns the Chromium binary to launch, or throws one sentence saying how to get one. */
export function findChromium(lookup: BrowserLookup): string {
  const override = lookup.env[CHROMIUM_ENV_VAR];
  if (override) {
    if (lookup.exists(override)) return override;
    throw new Error(`${CHROMIUM_ENV_VAR} points to ${override}, which does not exist.`);
  }
  const system = SYSTEM_CANDIDATES.find((path) => lookup.exists(path));
  if (system) return system;
  const bundled = lookup.playwrightChromium();
  if (bundled && lookup.exists(bundled)) return bundled;
  throw new Error(NO_BROWSER_MESSAGE);
}

/** Flags that keep Chromium quiet on a closed network and runnable as root in CI. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromiumOnThisMachine(): string {
  return findChromium({
    env: process.env,
    exists: existsSync,
    playwrightChromium: () => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
  });
}
