import { createOrm, isReady, type MikroORM } from '@pristinesend/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';

/** Health checks: /healthz is "the process is up", /readyz "the database is reachable and migrated". */

const t = useTestApp({ isReady: () => isReady(t.db.orm) });
/** A connection pool that was closed: every query fails, as when the database goes away. */
let gone: MikroORM;
const down = useTestApp({ isReady: () => isReady(gone) });

beforeAll(async () => {
  gone = await createOrm(t.db.url);
  await gone.close();
});

describe('health checks', () => {
  it('/healthz answers 200 without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 when the database is reachable and migrated', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 when the database cannot be reached, while /healthz stays 200', async () => {
    const response = await down.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable' });
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
    expect((await down.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
