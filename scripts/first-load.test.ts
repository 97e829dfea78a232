import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BUDGETS } from '../bench/budgets.ts';
import { measureFirstLoad } from './first-load.ts';

const outDir = mkdtempSync(join(tmpdir(), 'peerchat-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production build', () => {
  it(`keeps the first load under ${BUDGETS.firstLoadJsGzipBytes / 1024} kB of gzip JavaScript, with no provider SDK in it`, async () => {
    // The same build `npm start` serves, in its own process (Vitest's NODE_ENV=test would give React's dev build).
    const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    const firstLoad = measureFirstLoad(outDir);
    expect(firstLoad.files.length).toBeGreaterThan(0);
    expect(firstLoad.gzipBytes).toBeLessThanOrEqual(BUDGETS.firstLoadJsGzipBytes);
    const { readFileSync } = await import('node:fs');
    const firstLoadCode = firstLoad.files.map((file) => readFileSync(join(outDir, file.path), 'utf8')).join('\n');
    // Markers of each SDK's own code; none may be in the first load.
    expect(firstLoadCode).not.toContain('anthropic-dangerous-direct-browser-access');
    expect(firstLoadCode).not.toContain('dangerouslyAllowBrowser');
    expect(firstLoadCode).not.toContain('x-goog-api-client');
  }, 120_000);
});
