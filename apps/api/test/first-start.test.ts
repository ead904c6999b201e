import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@pristinesend/db';
import { afterAll, describe, expect, it } from 'vitest';
import { type Instance, startInstance, stopInstance } from './multi-instance/instances.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pristinesend-first-start-'));
chmodSync(dataDir, 0o755);
let running: Instance | undefined;

afterAll(async () => {
  await stopInstance(running);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('starting on the embedded database, as the README says', () => {
  it('prints a working key on the first start, and starts again on the same data without one', async () => {
    // No DATABASE_URL: the server starts its own PostgreSQL under PRISTINESEND_DATA_DIR.
    const env = {
      DATABASE_URL: '',
      PRISTINESEND_DATA_DIR: dataDir,
      PRISTINESEND_EMBEDDED_PG_PORT: String(await freePort()),
    };
    const started = Date.now();
    running = await startInstance(env);
    expect(Date.now() - started).toBeLessThan(60_000);
    const key = /ps_live_[0-9A-Za-z]{40}/.exec(running.output())?.[0];
    if (!key) throw new Error(`no key printed:\n${running.output()}`);
    expect(running.output()).toContain(
      `curl -s ${running.url}/api/v1/contacts -H "Authorization: Bearer ${key}"`,
    );
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const created = await fetch(`${running.url}/api/v1/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'kept@example.com' }),
    });
    expect(created.status).toBe(201);

    await stopInstance(running);
    expect(await running.exited).toBe(0);
    running = await startInstance(env);
    expect(running.output()).not.toMatch(/ps_live_/);
    const list = await fetch(`${running.url}/api/v1/contacts`, { headers });
    expect(list.status).toBe(200);
    expect((await list.json()).data.map((contact: { email: string }) => contact.email)).toEqual([
      'kept@example.com',
    ]);
  }, 120_000);
});
