import {
  createTestDatabase,
  createTestWorkspace,
  type TestDatabase,
  type TestWorkspace,
} from '@pristinesend/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, startInstance, stopInstance } from './instances.js';

let db: TestDatabase;
let workspace: TestWorkspace;
const instances: Instance[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  workspace = await createTestWorkspace(db.services);
});

afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  await db?.close();
});

const TOTAL = 1000;
const CONCURRENCY = 50;

function create(instance: Instance, index: number) {
  return fetch(`${instance.url}/api/v1/contacts`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${workspace.apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': `kill-${index}`,
    },
    body: JSON.stringify({ email: `killed${index}@example.com` }),
  });
}

describe('kill -9 during writes', () => {
  it('loses no acknowledged contact and duplicates none, across a restart', async () => {
    const env = { DATABASE_URL: db.url, PRISTINESEND_RATE_LIMIT: '0' };
    const victim = await startInstance(env);
    instances.push(victim);
    const acknowledged = new Map<number, string>();
    let answered = 0;
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const index = next++;
        try {
          const response = await create(victim, index);
          if (response.status === 201) acknowledged.set(index, (await response.json()).id);
        } catch {
          // The connection died with the process: this create was never acknowledged.
        }
        if (++answered === 300) victim.process.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await victim.exited).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(250);
    expect(acknowledged.size).toBeLessThan(TOTAL);

    const restarted = await startInstance(env, Number(new URL(victim.url).port));
    instances.push(restarted);
    // Retry what was not acknowledged, with the same keys; each ends created, replayed or refused.
    const unacknowledged = Array.from({ length: TOTAL }, (_, index) => index).filter(
      (index) => !acknowledged.has(index),
    );
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let index = unacknowledged.pop(); index !== undefined; index = unacknowledged.pop()) {
          const response = await create(restarted, index);
          statuses.push(response.status);
          if (response.status === 201) acknowledged.set(index, (await response.json()).id);
        }
      }),
    );
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);

    const stored = await db.orm.em
      .getConnection()
      .execute<{ id: string; email: string }[]>(`select id, email from contacts where email like 'killed%'`);
    const emailById = new Map(stored.map((row) => [row.id, row.email]));
    for (const [index, id] of acknowledged) expect(emailById.get(id)).toBe(`killed${index}@example.com`);
    const rows = await db.orm.em
      .getConnection()
      .execute<{ email: string; copies: string }[]>(
        `select lower(email) as email, count(*) as copies from contacts where email like 'killed%' group by 1 having count(*) > 1`,
      );
    expect(rows).toEqual([]);
    const total = await db.orm.em
      .getConnection()
      .execute<{ count: string }[]>(`select count(*) as count from contacts where email like 'killed%'`);
    expect(Number(total[0]?.count)).toBeGreaterThanOrEqual(acknowledged.size);
    expect(Number(total[0]?.count)).toBeLessThanOrEqual(TOTAL);
  }, 120_000);
});
