import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@pristinesend/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function cli(...args: string[]) {
  try {
    const { stdout } = await run('node', ['--import', 'tsx', 'apps/api/src/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url },
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('CLI', () => {
  it('creates a workspace and keys, and revokes a key', async () => {
    const created = await cli('workspace', 'create', '--name', 'Acme', '--json');
    expect(created.code).toBe(0);
    const workspace = JSON.parse(created.stdout);
    expect(workspace).toMatchObject({
      name: 'Acme',
      api_key: expect.stringMatching(/^ps_live_[0-9A-Za-z]{40}$/),
    });
    expect(await db.services.workspaces.authenticate(workspace.api_key)).toBe(workspace.id);

    const key = JSON.parse((await cli('key', 'create', '--workspace', workspace.id, '--json')).stdout);
    expect(await db.services.workspaces.authenticate(key.api_key)).toBe(workspace.id);

    const revoked = await cli('key', 'revoke', key.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('revoked');
    expect(await db.services.workspaces.authenticate(key.api_key)).toBeNull();
    expect(await db.services.workspaces.authenticate(workspace.api_key)).toBe(workspace.id);
  });

  it('explains bad usage and unknown ids without a stack trace', async () => {
    const usage = await cli('workspace', 'create');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--name');
    const unknown = await cli('key', 'create', '--workspace', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No such workspace');
    expect(unknown.stderr).not.toContain('    at ');
  });
});
