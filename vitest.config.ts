import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Node is the default environment (the core, the adapters, the fake server);
// component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tools/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    setupFiles: ['./src/test-setup.ts'],
  },
});
