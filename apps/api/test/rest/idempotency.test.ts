import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { expectError } from './request.js';

const t = useTestApp();

function post(url: string, body: unknown, key?: string, authorization = t.workspace.authorization) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { authorization, ...(key !== undefined && { 'idempotency-key': key }) },
    payload: body as object,
  });
}

async function count(search: string) {
  const page = await t.db.services.contacts.list(t.workspace.workspaceId, { search, limit: 100 });
  return page.items.length;
}

describe('Idempotency-Key', () => {
  it('replays the first response to a retry and creates one contact', async () => {
    const first = await post('/api/v1/contacts', { email: 'retry@example.com', first_name: 'R' }, 'key-1');
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/contacts', { first_name: 'R', email: 'retry@example.com' }, 'key-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('retry@example.com')).toBe(1);
  });

  it('replays errors below 500 too, with the original request id in the body', async () => {
    await post('/api/v1/contacts', { email: 'taken@example.com' });
    const first = await post('/api/v1/contacts', { email: 'taken@example.com' }, 'key-conflict');
    const firstError = expectError(first, 409, 'conflict', 'email');
    const again = await post('/api/v1/contacts', { email: 'taken@example.com' }, 'key-conflict');
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().error.request_id).toBe(firstError.request_id);
    expect(again.headers['x-request-id']).not.toBe(firstError.request_id);
  });

  it('refuses the same key with a different body: 409 idempotency_conflict', async () => {
    await post('/api/v1/contacts', { email: 'one@example.com' }, 'key-2');
    expectError(
      await post('/api/v1/contacts', { email: 'two@example.com' }, 'key-2'),
      409,
      'idempotency_conflict',
    );
    expectError(
      await post('/api/v1/segments', { email: 'one@example.com' }, 'key-2'),
      409,
      'idempotency_conflict',
    );
    expect(await count('two@example.com')).toBe(0);
  });

  it('keeps keys per workspace', async () => {
    const mine = await post('/api/v1/contacts', { email: 'same-key@example.com' }, 'shared-key');
    const theirs = await post(
      '/api/v1/contacts',
      { email: 'same-key@example.com' },
      'shared-key',
      t.other.authorization,
    );
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('gives 10 concurrent requests with one key exactly one contact', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/v1/contacts', { email: 'burst@example.com' }, 'burst-key')),
    );
    const created = responses.filter((response) => response.statusCode === 201);
    const inFlight = responses.filter((response) => response.statusCode === 409);
    expect(created.length + inFlight.length).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const response of inFlight) expect(response.json().error.code).toBe('idempotency_conflict');
    expect(new Set(created.map((response) => response.json().id)).size).toBe(1);
    expect(await count('burst@example.com')).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['non-ASCII', 'clé'],
    ['a control character', 'a\tb'],
  ])('refuses a key that is %s with 400 invalid_request', async (_case, key) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { authorization: t.workspace.authorization, 'idempotency-key': key },
      payload: { email: `bad-key-${_case.length}@example.com` },
    });
    expectError(response, 400, 'invalid_request');
  });

  it('accepts a 255-character key, and works on segment POSTs', async () => {
    const key = 'k'.repeat(255);
    const first = await post('/api/v1/segments', { name: 'Once' }, key);
    const again = await post('/api/v1/segments', { name: 'Once' }, key);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('runs a retry again when the first attempt failed with a 5xx', async () => {
    const create = t.db.services.contacts.create;
    t.db.services.contacts.create = async () => {
      throw new Error('transient failure');
    };
    try {
      expect((await post('/api/v1/contacts', { email: 'after-500@example.com' }, 'key-500')).statusCode).toBe(
        500,
      );
    } finally {
      t.db.services.contacts.create = create;
    }
    const retry = await post('/api/v1/contacts', { email: 'after-500@example.com' }, 'key-500');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('forgets keys after 24 hours', async () => {
    await post('/api/v1/contacts', { email: 'old@example.com' }, 'old-key');
    await t.db.orm.em
      .getConnection()
      .execute(`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old-key'`);
    const reused = await post('/api/v1/contacts', { email: 'new@example.com' }, 'old-key');
    expect(reused.statusCode).toBe(201);
    expect(reused.json().email).toBe('new@example.com');
    await t.db.orm.em
      .getConnection()
      .execute(`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old-key'`);
    expect(await t.db.services.idempotency.sweep()).toBeGreaterThanOrEqual(1);
  });
});
