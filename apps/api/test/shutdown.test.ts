import {
  createTestDatabase,
  createTestWorkspace,
  type TestDatabase,
  type TestWorkspace,
  uniqueEmail,
} from '@pristinesend/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, startInstance, stopInstance } from './multi-instance/instances.js';

/**
 * The real server process (apps/api/src/main.ts): health checks, and a SIGTERM
 * while requests are in flight lets every one of them finish before the process
 * closes its database pool and exits 0.
 */

const IN_FLIGHT = 50;

let db: TestDatabase;
let workspace: TestWorkspace;
let instance: Instance | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  workspace = await createTestWorkspace(db.services);
  // Enough rows that a page of 100 takes a moment, behind a small pool so requests queue.
  for (let i = 0; i < 150; i++) {
    await db.services.contacts.create(workspace.workspaceId, {
      email: uniqueEmail('drain'),
      firstName: 'Drain',
      properties: { index: i, note: 'x'.repeat(200) },
    });
  }
  instance = await startInstance({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'info',
    PRISTINESEND_DB_POOL_SIZE: '2',
    PRISTINESEND_RATE_LIMIT: '0',
  });
}, 120_000);

afterAll(async () => {
  await stopInstance(instance);
  await db?.close();
});

describe('the server process', () => {
  it('answers /healthz and, with its database migrated and reachable, /readyz', async () => {
    const url = instance?.url as string;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it(`drains ${IN_FLIGHT} in-flight requests on SIGTERM, then exits 0`, async () => {
    const server = instance as Instance;
    // The server logs each request as it starts handling it: count them to know all are in flight.
    let started = 0;
    let allStarted: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      allStarted = resolve;
    });
    server.process.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.includes('"msg":"incoming request"') && line.includes('/api/v1/contacts?limit=100')) {
          started++;
        }
      }
      if (started >= IN_FLIGHT) allStarted();
    });

    let completed = 0;
    const requests = Array.from({ length: IN_FLIGHT }, async (_, i) => {
      const response = await fetch(`${server.url}/api/v1/contacts?limit=100&search=drain&n=${i}`, {
        headers: { authorization: `Bearer ${workspace.apiKey}` },
      });
      const body = (await response.json()) as { data?: unknown[] };
      completed++;
      return { status: response.status, items: body.data?.length };
    });

    await inFlight;
    const completedAtSignal = completed;
    server.process.kill('SIGTERM');
    const results = await Promise.all(requests);

    expect(completedAtSignal).toBeLessThan(IN_FLIGHT);
    expect(results.map((result) => result.status)).toEqual(Array(IN_FLIGHT).fill(200));
    expect(results.every((result) => result.items === 100)).toBe(true);
    expect(await server.exited).toBe(0);
    // Closed: nothing listens any more.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 60_000);
});
