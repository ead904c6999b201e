import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';

const t = useTestApp({ listen: true });
const run = promisify(execFile);

/** The shell blocks of the README's curl walk-through, in order. */
function walkThrough(): string[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(
    readme.indexOf('## A walk through'),
    readme.indexOf('## Workspaces and API keys'),
  );
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('README', () => {
  it('runs every curl line of the walk-through as printed', async () => {
    const blocks = walkThrough();
    expect(blocks.length).toBeGreaterThanOrEqual(9);
    // The first block exports the key and base URL; the test supplies real ones.
    const script = ['set -euo pipefail', ...blocks.slice(1)].join('\n');
    const { stdout } = await run('bash', ['-c', script], {
      env: { ...process.env, PRISTINESEND_API_KEY: t.workspace.apiKey, BASE: t.url },
    });
    // Every response but the deliberate invalid email is a success.
    const errors = [...stdout.matchAll(/"error":\{"code":"(\w+)"/g)].map((match) => match[1]);
    expect(errors).toEqual(['invalid_field']);
    expect(stdout).toContain('HTTP/1.1 204 No Content');
    expect(stdout).toContain('"properties":{"tier":"pro"}');
    expect(stdout).toContain('{"added":1}');
    expect(stdout).toContain('"email":"john@example.com"');
  });
});
