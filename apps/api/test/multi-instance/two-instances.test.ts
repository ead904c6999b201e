import {
  createTestDatabase,
  createTestWorkspace,
  type TestDatabase,
  type TestWorkspace,
} from '@pristinesend/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, reachableRedis, startInstance, stopInstance } from './instances.js';

const redisUrl = await reachableRedis();
const RATE = 10;

let db: TestDatabase;
let workspace: TestWorkspace;
let instances: Instance[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  workspace = await createTestWorkspace(db.services);
  const env = {
    DATABASE_URL: db.url,
    PRISTINESEND_RATE_LIMIT: String(RATE),
    ...(redisUrl && { REDIS_URL: redisUrl }),
  };
  instances = await Promise.all([startInstance(env), startInstance(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  await db?.close();
});

/** Round-robin over both instances, like a load balancer. */
let turn = 0;
function send(path: string, init: RequestInit & { key?: string } = {}, instance?: Instance) {
  const target = instance ?? instances[turn++ % instances.length];
  if (!target) throw new Error('no instance');
  return fetch(`${target.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${init.key ?? workspace.apiKey}`,
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...init.headers,
    },
  });
}

/** A fresh key per test, so rate-limit buckets never spill from one test into another. */
async function freshKey() {
  return (await db.services.workspaces.createApiKey(workspace.workspaceId)).apiKey;
}

async function paced<T>(work: () => Promise<T>[]): Promise<T[]> {
  // Stay under the per-key limit when the test is about something else.
  const results: T[] = [];
  const batch = work();
  for (let i = 0; i < batch.length; i += RATE / 2) {
    results.push(...(await Promise.all(batch.slice(i, i + RATE / 2))));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return results;
}

describe('two instances on one database', () => {
  it('20 concurrent creates of one email spread over both give exactly one 201', async () => {
    const keys = await Promise.all(Array.from({ length: 4 }, freshKey));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send('/api/v1/contacts', {
          method: 'POST',
          key: keys[i % 4],
          body: JSON.stringify({ email: 'both@example.com' }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });

  it('replays an idempotent retry that lands on the other instance', async () => {
    const key = await freshKey();
    const [first, second] = instances;
    const body = JSON.stringify({ email: 'retried@example.com', first_name: 'Retry' });
    const created = await send(
      '/api/v1/contacts',
      { method: 'POST', key, body, headers: { 'idempotency-key': 'cross' } },
      first,
    );
    const replayed = await send(
      '/api/v1/contacts',
      { method: 'POST', key, body, headers: { 'idempotency-key': 'cross' } },
      second,
    );
    expect(created.status).toBe(201);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.json()).toEqual(await created.json());
  });

  it.skipIf(!redisUrl)(
    `holds a limit of ${RATE} per second across both instances with REDIS_URL`,
    async () => {
      const key = await freshKey();
      const started = Date.now();
      const responses = await Promise.all(
        Array.from({ length: 4 * RATE }, () => send('/api/v1/contacts?limit=1', { key })),
      );
      const elapsed = Date.now() - started;
      const ok = responses.filter((response) => response.status === 200).length;
      const limited = responses.filter((response) => response.status === 429);
      for (const response of responses) expect(response.headers.get('ratelimit-limit')).toBe(String(RATE));
      // Within one window the two instances together allow exactly RATE; a slow burst may span two.
      if (elapsed < 900) expect(ok).toBe(RATE);
      else expect(ok).toBeLessThanOrEqual(2 * RATE);
      expect(limited.length).toBe(4 * RATE - ok);
      const first = limited[0];
      if (!first) throw new Error('nothing was limited');
      expect((await first.json()).error.code).toBe('rate_limited');
      expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    },
  );

  it('keeps serving when writes alternate between instances', async () => {
    const key = await freshKey();
    const responses = await paced(() =>
      Array.from({ length: 10 }, (_, i) =>
        send('/api/v1/contacts', {
          method: 'POST',
          key,
          body: JSON.stringify({ email: `spread${i}@example.com` }),
        }),
      ),
    );
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const page = await db.services.contacts.list(workspace.workspaceId, { search: 'spread', limit: 100 });
    expect(page.items).toHaveLength(10);
  });
});
