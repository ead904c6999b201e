import { recordStatements } from '@pristinesend/testing';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { caller, expectError } from './request.js';

const t = useTestApp();
const call = caller(
  () => t.app,
  () => t.workspace.authorization,
);

async function create(body: Record<string, unknown>) {
  return call('POST', '/api/v1/contacts', body);
}

describe('contacts: validation', () => {
  it('requires email and names the field', async () => {
    expectError(await create({ first_name: 'Jane' }), 400, 'missing_field', 'email');
  });

  it.each([
    ['empty', ''],
    ['spaces only', '   '],
    ['no @', 'jane.example.com'],
    ['two @', 'jane@@example.com'],
    ['a space inside', 'ja ne@example.com'],
    ['no dot in the domain', 'jane@example'],
    ['not a string', 42],
    ['null', null],
  ])('refuses an invalid email (%s)', async (_case, email) => {
    expectError(await create({ email }), 400, 'invalid_field', 'email');
  });

  it('counts the email limit after trimming, in characters', async () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`; // 64 + 1 + 185 = 250
    const ok = await create({ email: `  ${local}@${domain}   ` });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().email).toBe(`${local}@${domain}`);
    expectError(await create({ email: `${local}@${domain}xxxxx` }), 400, 'invalid_field', 'email');
  });

  it('bounds names at 256 code points, counting astral characters once', async () => {
    const ok = await create({ email: 'names@example.com', first_name: '😀'.repeat(256), last_name: null });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().first_name).toBe('😀'.repeat(256));
    expectError(
      await create({ email: 'names2@example.com', first_name: 'x'.repeat(257) }),
      400,
      'invalid_field',
      'first_name',
    );
    expectError(
      await create({ email: 'names3@example.com', last_name: 7 }),
      400,
      'invalid_field',
      'last_name',
    );
  });

  it('refuses text with a NUL character', async () => {
    expectError(
      await create({ email: 'nul@example.com', first_name: 'a\u0000b' }),
      400,
      'invalid_field',
      'first_name',
    );
    expectError(
      await create({ email: 'nul@example.com', properties: { a: 'x\u0000' } }),
      400,
      'invalid_field',
      'properties',
    );
  });

  it.each([['Subscribed'], ['SUBSCRIBED'], ['pending'], [null], [1]])('refuses status %j', async (status) => {
    expectError(await create({ email: 'status@example.com', status }), 400, 'invalid_field', 'status');
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', 'city'],
    ['null', null],
    ['a number', 3],
  ])('refuses properties that are %s', async (_case, properties) => {
    expectError(await create({ email: 'props@example.com', properties }), 400, 'invalid_field', 'properties');
  });

  it('enforces the properties limits: 100 keys, keys of 1–100 characters, 16 KiB', async () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect((await create({ email: 'hundred@example.com', properties: keys(100) })).statusCode).toBe(201);
    expectError(
      await create({ email: 'p1@example.com', properties: keys(101) }),
      400,
      'invalid_field',
      'properties',
    );
    expectError(
      await create({ email: 'p2@example.com', properties: { '': 1 } }),
      400,
      'invalid_field',
      'properties',
    );
    expectError(
      await create({ email: 'p3@example.com', properties: { ['k'.repeat(101)]: 1 } }),
      400,
      'invalid_field',
      'properties',
    );
    // {"a":"…"} is 8 bytes of JSON around the value.
    expect(
      (await create({ email: 'big@example.com', properties: { a: 'x'.repeat(16 * 1024 - 8) } })).statusCode,
    ).toBe(201);
    expectError(
      await create({ email: 'p4@example.com', properties: { a: 'x'.repeat(16 * 1024 - 7) } }),
      400,
      'invalid_field',
      'properties',
    );
    // Multi-byte characters count as their UTF-8 bytes.
    expectError(
      await create({ email: 'p5@example.com', properties: { a: 'é'.repeat(8192) } }),
      400,
      'invalid_field',
      'properties',
    );
  });

  it('refuses unknown fields, naming them', async () => {
    expectError(await create({ email: 'u@example.com', nickname: 'J' }), 400, 'invalid_field', 'nickname');
  });

  it('refuses bodies that are not a JSON object', async () => {
    for (const payload of ['[]', '"text"', 'null', '42', '{"email":']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { authorization: t.workspace.authorization, 'content-type': 'application/json' },
        payload,
      });
      expectError(response, 400, 'invalid_request');
    }
  });

  it('treats an empty JSON body as invalid_request and a non-JSON body as 415', async () => {
    const headers = { authorization: t.workspace.authorization };
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { ...headers, 'content-type': 'application/json' },
      }),
      400,
      'invalid_request',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { ...headers, 'content-type': 'text/plain' },
        payload: 'email=jane@example.com',
      }),
      415,
      'unsupported_media_type',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/contacts',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=jane@example.com',
      }),
      415,
      'unsupported_media_type',
    );
  });

  it('accepts JSON with a charset parameter', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: {
        authorization: t.workspace.authorization,
        'content-type': 'application/json; charset=utf-8',
      },
      payload: JSON.stringify({ email: 'charset@example.com' }),
    });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { authorization: t.workspace.authorization, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'huge@example.com', properties: { a: 'x'.repeat(1024 * 1024) } }),
    });
    expectError(response, 413, 'payload_too_large');
  });

  it('conflicts on the same email in any case, naming email', async () => {
    expect((await create({ email: 'Jane@X.com' })).statusCode).toBe(201);
    expectError(await create({ email: 'jane@x.com' }), 409, 'conflict', 'email');
    expectError(await create({ email: ' JANE@X.COM ' }), 409, 'conflict', 'email');
  });
});

describe('contacts: update rules', () => {
  it('refuses email in a PATCH, and unknown fields', async () => {
    const { id } = (await create({ email: 'immutable@example.com' })).json();
    expectError(
      await call('PATCH', `/api/v1/contacts/${id}`, { email: 'other@example.com' }),
      400,
      'invalid_field',
      'email',
    );
    expectError(
      await call('PATCH', `/api/v1/contacts/${id}`, { email: 'immutable@example.com' }),
      400,
      'invalid_field',
      'email',
    );
    expectError(await call('PATCH', `/api/v1/contacts/${id}`, { tags: [] }), 400, 'invalid_field', 'tags');
    expect((await call('GET', `/api/v1/contacts/${id}`)).json().email).toBe('immutable@example.com');
  });

  it('treats {} as a no-op that returns the contact unchanged', async () => {
    const created = (await create({ email: 'noop@example.com', first_name: 'N' })).json();
    const response = await call('PATCH', `/api/v1/contacts/${created.id}`, {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(created);
  });

  it('merges properties key by key: set, replace, remove with null, keep the rest', async () => {
    const { id } = (
      await create({ email: 'merge@example.com', properties: { a: 1, b: { deep: true }, c: 'keep' } })
    ).json();
    const response = await call('PATCH', `/api/v1/contacts/${id}`, {
      properties: { a: 2, b: null, d: [1, null] },
    });
    expect(response.json().properties).toEqual({ a: 2, c: 'keep', d: [1, null] });
    const again = await call('GET', `/api/v1/contacts/${id}`);
    expect(again.json().properties).toEqual({ a: 2, c: 'keep', d: [1, null] });
  });

  it('drops null-valued keys on create (null means absent)', async () => {
    const response = await create({ email: 'nulls@example.com', properties: { a: null, b: 1 } });
    expect(response.json().properties).toEqual({ b: 1 });
  });

  it('refuses a merge whose result breaks a limit, and changes nothing', async () => {
    const fifty = (offset: number) =>
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i + offset}`, i]));
    const { id, properties } = (await create({ email: 'limit@example.com', properties: fifty(0) })).json();
    expectError(
      await call('PATCH', `/api/v1/contacts/${id}`, { properties: fifty(60), first_name: 'X' }),
      400,
      'invalid_field',
      'properties',
    );
    const after = (await call('GET', `/api/v1/contacts/${id}`)).json();
    expect(after.properties).toEqual(properties);
    expect(after.first_name).toBeNull();
    // Removing keys in the same patch can keep the result within the limit.
    const removeTwenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, null]));
    const ok = await call('PATCH', `/api/v1/contacts/${id}`, {
      properties: { ...removeTwenty, ...fifty(60) },
    });
    expect(ok.statusCode).toBe(200);
    expect(Object.keys(ok.json().properties)).toHaveLength(100);
  });

  it('counts the merged size as JSON text: exactly 16 KiB is kept, one byte more refused', async () => {
    // 99 keys make PostgreSQL's own text of the object ~200 bytes longer than JSON's, so
    // an object of exactly 16 KiB as JSON must still be accepted.
    const base = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`key${i}`, 'v'.repeat(100)]));
    const { id } = (await create({ email: 'bytes@example.com', properties: base })).json();
    const filler = 16 * 1024 - Buffer.byteLength(JSON.stringify({ ...base, big: '' }));
    const exact = await call('PATCH', `/api/v1/contacts/${id}`, { properties: { big: 'x'.repeat(filler) } });
    expect(exact.statusCode, exact.body).toBe(200);
    expect(Buffer.byteLength(JSON.stringify(exact.json().properties))).toBe(16 * 1024);

    expectError(
      await call('PATCH', `/api/v1/contacts/${id}`, { properties: { big: 'x'.repeat(filler + 1) } }),
      400,
      'invalid_field',
      'properties',
    );
    const after = (await call('GET', `/api/v1/contacts/${id}`)).json();
    expect(after.properties.big).toHaveLength(filler);
  });

  it('merges small patches in one statement, without a transaction', async () => {
    const { id } = (await create({ email: 'one-statement@example.com', properties: { a: 1 } })).json();
    const { result, statements } = await recordStatements(() =>
      call('PATCH', `/api/v1/contacts/${id}`, { properties: { b: 2 } }),
    );
    expect(result.json().properties).toEqual({ a: 1, b: 2 });
    expect(statements.filter((text) => /^(update contacts|begin)/.test(text))).toHaveLength(1);
  });

  it('sets names to null and changes status', async () => {
    const { id } = (
      await create({ email: 'names-null@example.com', first_name: 'A', last_name: 'B' })
    ).json();
    const response = await call('PATCH', `/api/v1/contacts/${id}`, {
      first_name: null,
      status: 'unsubscribed',
    });
    expect(response.json()).toMatchObject({ first_name: null, last_name: 'B', status: 'unsubscribed' });
    expectError(
      await call('PATCH', `/api/v1/contacts/${id}`, { status: null }),
      400,
      'invalid_field',
      'status',
    );
    expectError(
      await call('PATCH', `/api/v1/contacts/${id}`, { properties: null }),
      400,
      'invalid_field',
      'properties',
    );
  });

  it('moves updated_at on a change and keeps created_at', async () => {
    const created = (await create({ email: 'times@example.com' })).json();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = (await call('PATCH', `/api/v1/contacts/${created.id}`, { last_name: 'Later' })).json();
    expect(updated.created_at).toBe(created.created_at);
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(created.updated_at));
  });
});

describe('contacts: not found', () => {
  it('is 404 for unknown and malformed ids on every route', async () => {
    for (const id of [
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      '1',
      "'; drop table contacts; --",
    ]) {
      const path = `/api/v1/contacts/${encodeURIComponent(id)}`;
      expectError(await call('GET', path), 404, 'not_found');
      expectError(await call('PATCH', path, { first_name: 'x' }), 404, 'not_found');
      expectError(await call('PATCH', path, {}), 404, 'not_found');
      expectError(await call('DELETE', path), 404, 'not_found');
    }
  });

  it('is 404 for a deleted contact, and a second delete', async () => {
    const { id } = (await create({ email: 'twice@example.com' })).json();
    expect((await call('DELETE', `/api/v1/contacts/${id}`)).statusCode).toBe(204);
    expectError(await call('DELETE', `/api/v1/contacts/${id}`), 404, 'not_found');
    // The email is free again.
    expect((await create({ email: 'twice@example.com' })).statusCode).toBe(201);
  });
});

describe('contacts: bodies a careful client may send', () => {
  it('names a forbidden __proto__ key instead of calling the JSON invalid', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { authorization: t.workspace.authorization, 'content-type': 'application/json' },
      payload: '{"email": "proto@example.com", "properties": {"__proto__": {"admin": true}}}',
    });
    const error = expectError(response, 400, 'invalid_request');
    expect(error.message).toContain('__proto__');
  });

  it('accepts a DELETE with a JSON content type and no body', async () => {
    const { id } = (await create({ email: 'delete-header@example.com' })).json();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${id}`,
      headers: { authorization: t.workspace.authorization, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(204);
  });

  it('answers a very long path id with 404, and a wrong method on it with 405', async () => {
    const long = `/api/v1/contacts/${'a'.repeat(300)}`;
    expectError(await call('GET', long), 404, 'not_found');
    expectError(await call('POST', long), 405, 'method_not_allowed');
  });
});
