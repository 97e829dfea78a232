import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromiumOnThisMachine } from './scripts/find-chromium.ts';

const PREVIEW_PORT = Number(process.env.PEERCHAT_E2E_PORT ?? 4174);

// End-to-end tests run against the e2e build (the app plus the SDK harness page) in a real Chromium,
// with the fake-provider server started in-process by the global setup.
export default defineConfig({
  testDir: 'e2e',
  outputDir: '.artifacts/playwright',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: '.artifacts/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromiumOnThisMachine(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // The app's service worker would serve every later load of a test from its cache; the offline test allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite build --mode e2e --logLevel warn && npx vite preview --mode e2e --outDir dist-e2e --port ${PREVIEW_PORT} --strictPort`,
    url: `http://127.0.0.1:${PREVIEW_PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
