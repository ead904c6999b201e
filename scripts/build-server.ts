/**
 * `pnpm build:server`: bundles the server (apps/api/src/main.ts) and the CLI
 * (apps/api/src/cli.ts), with the workspace packages they import (which export
 * TypeScript source), into apps/api/dist/server.mjs and cli.mjs, so production
 * runs plain JavaScript and compiles nothing at start. Third-party packages stay external: the Docker image installs
 * them with `pnpm deploy --prod`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'apps/api/src/main.ts', out: 'server' },
    { in: 'apps/api/src/cli.ts', out: 'cli' },
  ],
  outdir: 'apps/api/dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'workspace-only',
      setup(context) {
        // Bare imports are npm packages (external) unless they are this workspace's own.
        context.onResolve({ filter: /^[^./]/ }, ({ path }) =>
          path.startsWith('@pristinesend/') ? undefined : { external: true },
        );
      },
    },
  ],
});
process.stdout.write('wrote apps/api/dist/server.mjs and cli.mjs\n');
