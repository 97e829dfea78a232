/** Shared pieces of the SDK test files: one fake server per file, reset before each test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { FakeProviders } from './index.ts';
import { startFakeProviders } from './index.ts';

/**
 * Starts the fake providers for the calling test file and returns a getter for it (valid from the first
 * `beforeAll` on). Registers its hooks first, so a file's own `beforeAll` can already use the server.
 */
export function fakeProvidersForThisFile(): () => FakeProviders {
  let fake: FakeProviders | undefined;
  beforeAll(async () => {
    fake = await startFakeProviders();
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake?.reset());
  return () => {
    if (!fake) throw new Error('The fake providers are not started yet (use them inside hooks and tests).');
    return fake;
  };
}

/** The error `run` rejects with; fails the test when it resolves. */
export async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
