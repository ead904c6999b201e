import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The SDK's tests and examples import it by its published name.
    alias: { pristinesend: fileURLToPath(new URL('./packages/sdk/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    // Files share a worker's module cache: importing the whole server once per worker
    // instead of once per file cuts the suite's time by more than half. Each file still
    // gets its own database and server.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
