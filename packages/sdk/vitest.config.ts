import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests and examples import the published name; point it at the source so no build is needed first.
  resolve: { alias: { pristinesend: fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: { name: 'sdk', include: ['test/**/*.test.ts'] },
});
