// Shared test setup: DOM matchers and, in jsdom tests, unmounting after each test (Vitest globals are off, so
// Testing Library cannot register its own cleanup).
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
