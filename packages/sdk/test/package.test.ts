import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VERSION } from 'pristinesend';
import { beforeAll, describe, expect, it } from 'vitest';

// The package as published: built with tsup, then inspected the way npm and Node see it.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8'));

function run(command: string, args: string[]): string {
  return execFileSync(command, args, {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

beforeAll(() => {
  run(`${packageDir}/node_modules/.bin/tsup`, ['--silent']);
}, 120_000);

describe('published package', () => {
  it('packs only the builds, their types, README, LICENSE and package.json', () => {
    // --ignore-scripts: the build already ran above, and prepack's output would corrupt the JSON.
    const [pack] = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']));
    const files = (pack.files as { path: string }[]).map((file) => file.path).sort();
    expect(files).toEqual([
      'LICENSE',
      'README.md',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ]);
  });

  it('has no runtime dependencies', () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
  });

  it('loads through its exports map from CommonJS and from ESM', () => {
    const probe = `console.log(typeof m.PristineSend, typeof m.NotFoundError, m.VERSION)`;
    expect(run(process.execPath, ['-e', `const m = require('pristinesend'); ${probe}`])).toBe(
      `function function ${VERSION}\n`,
    );
    expect(
      run(process.execPath, [
        '--input-type=module',
        '-e',
        `const m = await import('pristinesend'); ${probe}`,
      ]),
    ).toBe(`function function ${VERSION}\n`);
  });

  it('sends the version of package.json', () => {
    expect(VERSION).toBe(manifest.version);
  });
});
