import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

function call(method: Method, url: string, payload?: unknown, extra: Partial<InjectOptions> = {}) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload !== undefined && { payload: payload as object }),
    ...extra,
    headers: { authorization: t.workspace.authorization, ...extra.headers },
  });
}

/** The error envelope, exactly: the code, a message, `param` only when given, and the request id. */
function expectError(response: LightMyRequestResponse, status: number, code: string, param?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const requestId = response.headers['x-request-id'];
  expect(requestId).toMatch(/^req_[0-9a-f]{24}$/);
  const body = response.json();
  expect(body).toEqual({
    error: {
      code,
      message: expect.any(String),
      ...(param !== undefined && { param }),
      request_id: requestId,
    },
  });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error as { code: string; message: string; param?: string };
}

let segmentId: string;
let contactId: string;
let otherContactId: string;

beforeAll(async () => {
  segmentId = (await call('POST', '/segments', { name: 'Errors' })).json().id;
  contactId = (await call('POST', '/contacts', { email: 'errors.member@example.com' })).json().id;
  otherContactId = (await call('POST', '/contacts', { email: 'errors.other@example.com' })).json().id;
});

async function members(segment = segmentId): Promise<string[]> {
  const response = await call('GET', `/contacts?segment_id=${segment}&limit=100`);
  expect(response.statusCode).toBe(200);
  return response.json().data.map((contact: { id: string }) => contact.id);
}

async function segmentCount(): Promise<number> {
  return (await call('GET', '/segments?limit=100')).json().data.length;
}

describe('POST /segments: validation', () => {
  it('requires a name: missing_field naming it', async () => {
    expectError(await call('POST', '/segments', {}), 400, 'missing_field', 'name');
    expectError(await call('POST', '/segments', { description: 'no name' }), 400, 'missing_field', 'name');
  });

  it.each([
    ['an empty string', ''],
    ['201 characters', 'n'.repeat(201)],
    ['201 astral characters', '😀'.repeat(201)],
    ['null', null],
    ['a number', 42],
    ['an array', ['VIP']],
    ['an object', { value: 'VIP' }],
    ['a boolean', true],
    ['a NUL character', 'VIP\u0000'],
    ['an unpaired surrogate', 'VIP \ud800'],
  ])('refuses a name that is %s: invalid_field name', async (_label, name) => {
    const before = await segmentCount();
    expectError(await call('POST', '/segments', { name }), 400, 'invalid_field', 'name');
    expect(await segmentCount()).toBe(before);
  });

  it.each([
    ['1001 characters', 'd'.repeat(1001)],
    ['1001 astral characters', '𝄞'.repeat(1001)],
    ['a number', 1],
    ['an object', {}],
    ['a NUL character', 'a\u0000b'],
    ['an unpaired surrogate', '\udc00'],
  ])('refuses a description that is %s: invalid_field description', async (_label, description) => {
    expectError(
      await call('POST', '/segments', { name: 'ok', description }),
      400,
      'invalid_field',
      'description',
    );
  });

  it('refuses an unknown field, naming it, and creates nothing', async () => {
    const before = await segmentCount();
    const error = expectError(
      await call('POST', '/segments', { name: 'ok', color: 'red' }),
      400,
      'invalid_field',
      'color',
    );
    expect(error.message).toContain('color');
    expectError(
      await call('POST', '/segments', { name: 'ok', id: randomUUID() }),
      400,
      'invalid_field',
      'id',
    );
    expectError(
      await call('POST', '/segments', { name: 'ok', created_at: new Date().toISOString() }),
      400,
      'invalid_field',
      'created_at',
    );
    expectError(
      await call('POST', '/segments', { name: 'ok', contact_ids: [contactId] }),
      400,
      'invalid_field',
      'contact_ids',
    );
    expect(await segmentCount()).toBe(before);
  });

  it.each([
    ['an array', '[{"name": "x"}]'],
    ['a string', '"x"'],
    ['a number', '1'],
    ['null', 'null'],
    ['malformed JSON', '{"name": '],
    ['trailing garbage', '{"name": "x"} x'],
  ])('refuses a body that is %s: invalid_request', async (_label, payload) => {
    const error = expectError(
      await call('POST', '/segments', payload, { headers: { 'content-type': 'application/json' } }),
      400,
      'invalid_request',
    );
    expect(error).not.toHaveProperty('param');
  });

  it('refuses an empty JSON body (invalid_request) and a non-JSON body (415)', async () => {
    expectError(
      await call('POST', '/segments', '', { headers: { 'content-type': 'application/json' } }),
      400,
      'invalid_request',
    );
    expectError(await call('POST', '/segments'), 400, 'invalid_request');
    expectError(
      await call('POST', '/segments', 'name=VIP', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported_media_type',
    );
    expectError(
      await call('POST', '/segments', '{"name":"VIP"}', { headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported_media_type',
    );
  });

  it('refuses a deeply nested body cleanly, with or without an Idempotency-Key (never a 500)', async () => {
    const before = await segmentCount();
    for (const depth of [300, 5000, 100_000]) {
      for (const key of [undefined, `deep-${depth}`]) {
        const headers = { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) };
        const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        expectError(
          await call('POST', '/segments', `{"name": ${nested}}`, { headers }),
          400,
          'invalid_field',
          'name',
        );
        expectError(
          await call('POST', '/segments', `${'['.repeat(depth)}${']'.repeat(depth)}`, { headers }),
          400,
          'invalid_request',
        );
        expectError(
          await call('POST', `/segments/${segmentId}/contacts`, `{"contact_ids": [${nested}]}`, { headers }),
          400,
          'invalid_field',
          'contact_ids',
        );
      }
    }
    expect(await segmentCount()).toBe(before);
    expect(await members()).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const before = await segmentCount();
    expectError(
      await call('POST', '/segments', JSON.stringify({ name: 'x', description: 'd'.repeat(1024 * 1024) }), {
        headers: { 'content-type': 'application/json' },
      }),
      413,
      'payload_too_large',
    );
    expect(await segmentCount()).toBe(before);
  });
});

describe('GET/PATCH/DELETE /segments/:id: errors', () => {
  it.each([
    ['an unknown UUID', () => randomUUID()],
    ['a malformed id', () => 'not-a-uuid'],
    ['a UUID with a trailing character', () => `${segmentId}0`],
    ['a percent-encoded NUL', () => '%00'],
  ])('answers 404 not_found for %s', async (_label, id) => {
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { name: 'renamed' }],
      ['PATCH', {}],
      ['DELETE', undefined],
    ] as const) {
      expectError(await call(method, `/segments/${id()}`, payload), 404, 'not_found');
    }
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a null name', { name: null }, 'name'],
    ['a 201-character name', { name: 'x'.repeat(201) }, 'name'],
    ['a 1001-character description', { description: 'x'.repeat(1001) }, 'description'],
    ['a description of the wrong type', { description: 7 }, 'description'],
    ['an unknown field', { name: 'ok', tags: ['a'] }, 'tags'],
    ['a read-only field', { id: randomUUID() }, 'id'],
    ['updated_at', { updated_at: '2020-01-01T00:00:00.000Z' }, 'updated_at'],
  ])('PATCH refuses %s and changes nothing', async (_label, payload, param) => {
    const before = (await call('GET', `/segments/${segmentId}`)).json();
    expectError(await call('PATCH', `/segments/${segmentId}`, payload), 400, 'invalid_field', param);
    expect((await call('GET', `/segments/${segmentId}`)).json()).toEqual(before);
  });

  it('PATCH refuses a body that is not an object', async () => {
    for (const payload of ['[]', '"name"', 'null', '{'])
      expectError(
        await call('PATCH', `/segments/${segmentId}`, payload, {
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'invalid_request',
      );
    expectError(await call('PATCH', `/segments/${segmentId}`), 400, 'invalid_request');
  });
});

describe('GET /segments: query errors', () => {
  it.each([
    ['0'],
    ['-1'],
    ['1.5'],
    ['1e2'],
    ['abc'],
    [''],
    ['+5'],
    [' 5'],
    ['0x10'],
    ['%00'],
    ['00000000000000000000'],
  ])('refuses limit=%s: invalid_field limit', async (limit) => {
    expectError(
      await call('GET', `/segments?limit=${encodeURIComponent(limit)}`),
      400,
      'invalid_field',
      'limit',
    );
  });

  it('refuses a known parameter given twice', async () => {
    expectError(await call('GET', '/segments?limit=1&limit=2'), 400, 'invalid_field', 'limit');
    expectError(await call('GET', '/segments?limit=1&limit=1'), 400, 'invalid_field', 'limit');
    await call('POST', '/segments', { name: 'Second' });
    const cursor = (await call('GET', '/segments?limit=1')).json().next_cursor;
    expect(cursor).toEqual(expect.any(String));
    expectError(
      await call('GET', `/segments?cursor=${cursor}&cursor=${cursor}`),
      400,
      'invalid_field',
      'cursor',
    );
  });

  it.each([
    ['garbage', 'garbage!'],
    ['empty', ''],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a non-canonical encoding', `${Buffer.from(`1:${randomUUID()}`).toString('base64url')}=`],
    ['too long', 'A'.repeat(600)],
    ['a NUL', '%00'],
    ['invalid percent-encoding', '%FF'],
  ])('refuses a cursor that is %s: invalid_field cursor', async (_label, cursor) => {
    expectError(await call('GET', `/segments?cursor=${cursor}`), 400, 'invalid_field', 'cursor');
  });

  it('answers a well-formed cursor for a position far away with a page, not an error', async () => {
    for (const millis of ['0', '999999999999999']) {
      const cursor = Buffer.from(`${millis}:${randomUUID()}`).toString('base64url');
      const response = await call('GET', `/segments?cursor=${cursor}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().data.length).toBe(millis === '0' ? 0 : await segmentCount());
    }
  });
});

describe('membership: PUT and DELETE /segments/:id/contacts/:contact_id errors', () => {
  it.each(['PUT', 'DELETE'] as const)(
    '%s answers 404 for an unknown or malformed segment or contact',
    async (method) => {
      for (const [segment, contact] of [
        [randomUUID(), contactId],
        ['nope', contactId],
        [segmentId, randomUUID()],
        [segmentId, 'nope'],
        [segmentId, `${contactId}x`],
        [randomUUID(), randomUUID()],
      ]) {
        expectError(await call(method, `/segments/${segment}/contacts/${contact}`), 404, 'not_found');
      }
      expect(await members()).not.toContain(contactId);
    },
  );

  it('PUT with a contact deleted meanwhile is 404 and adds nothing', async () => {
    const doomed = (await call('POST', '/contacts', { email: 'errors.doomed@example.com' })).json().id;
    expect((await call('DELETE', `/contacts/${doomed}`)).statusCode).toBe(204);
    expectError(await call('PUT', `/segments/${segmentId}/contacts/${doomed}`), 404, 'not_found');
  });
});

describe('bulk add: POST /segments/:id/contacts errors', () => {
  const bulk = (payload: unknown, segment = segmentId) =>
    call('POST', `/segments/${segment}/contacts`, payload);

  it('refuses 0 ids and 1001 ids: invalid_field contact_ids', async () => {
    expectError(await bulk({ contact_ids: [] }), 400, 'invalid_field', 'contact_ids');
    expectError(
      await bulk({ contact_ids: Array(1001).fill(contactId) }),
      400,
      'invalid_field',
      'contact_ids',
    );
    const distinct = Array.from({ length: 1001 }, () => randomUUID());
    expectError(await bulk({ contact_ids: distinct }), 400, 'invalid_field', 'contact_ids');
    // 1000 is within the limit: these are unknown contacts, so 404, not 400.
    expectError(await bulk({ contact_ids: distinct.slice(0, 1000) }), 404, 'not_found');
    expect(await members()).toEqual([]);
  });

  it.each([
    ['a non-UUID string', 'not-a-uuid'],
    ['an empty string', ''],
    ['a UUID with braces', '{00000000-0000-0000-0000-000000000000}'],
    ['a UUID without hyphens', '00000000000000000000000000000000'],
    ['a UUID with a NUL', '00000000-0000-0000-0000-00000000000\u0000'],
    ['a number', 12],
    ['null', null],
    ['an object', { id: '00000000-0000-0000-0000-000000000000' }],
    ['a nested list', ['00000000-0000-0000-0000-000000000000']],
  ])('refuses a list containing %s: invalid_field contact_ids, nothing added', async (_label, bad) => {
    expectError(
      await bulk({ contact_ids: [contactId, bad, otherContactId] }),
      400,
      'invalid_field',
      'contact_ids',
    );
    expect(await members()).toEqual([]);
  });

  it.each([
    ['a string', () => contactId],
    ['an object', () => ({ [contactId]: true })],
    ['null', () => null],
    ['a number', () => 1],
    ['a comma-separated string', () => `${contactId},${otherContactId}`],
  ])('refuses contact_ids that is %s: invalid_field contact_ids', async (_label, contactIds) => {
    expectError(await bulk({ contact_ids: contactIds() }), 400, 'invalid_field', 'contact_ids');
  });

  it('requires contact_ids and refuses unknown fields', async () => {
    expectError(await bulk({}), 400, 'missing_field', 'contact_ids');
    expectError(
      await bulk({ contact_ids: [contactId], contactIds: [contactId] }),
      400,
      'invalid_field',
      'contactIds',
    );
    // Both rules apply to a camelCase-only body; either answer names a field the client must fix.
    const camel = await bulk({ contactIds: [contactId] });
    expect(camel.statusCode).toBe(400);
    expect([
      ['missing_field', 'contact_ids'],
      ['invalid_field', 'contactIds'],
    ]).toContainEqual([camel.json().error.code, camel.json().error.param]);
    expectError(await bulk({ contact_ids: [contactId], replace: true }), 400, 'invalid_field', 'replace');
    expectError(await bulk([]), 400, 'invalid_request');
    expectError(
      await call('POST', `/segments/${segmentId}/contacts`, `["${contactId}"]`, {
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'invalid_request',
    );
    expect(await members()).toEqual([]);
  });

  it('is all-or-nothing: one unknown id is 404 and nothing is added', async () => {
    const error = expectError(
      await bulk({ contact_ids: [contactId, randomUUID(), otherContactId] }),
      404,
      'not_found',
    );
    expect(error).not.toHaveProperty('param');
    expect(await members()).toEqual([]);
  });

  it('is all-or-nothing even when the known ids are already members', async () => {
    const segment = (await call('POST', '/segments', { name: 'Partly' })).json().id;
    expect((await bulk({ contact_ids: [contactId] }, segment)).json()).toEqual({ added: 1 });
    expectError(
      await bulk({ contact_ids: [contactId, otherContactId, randomUUID()] }, segment),
      404,
      'not_found',
    );
    expect(await members(segment)).toEqual([contactId]);
  });

  it('answers 404 for an unknown or malformed segment, whatever the ids', async () => {
    expectError(await bulk({ contact_ids: [contactId] }, randomUUID()), 404, 'not_found');
    expectError(await bulk({ contact_ids: [contactId] }, 'segment'), 404, 'not_found');
  });
});

describe('GET /contacts?segment_id=: errors', () => {
  it.each([
    ['a word', 'abc'],
    ['empty', ''],
    ['a UUID with an extra character', '00000000-0000-0000-0000-0000000000001'],
    ['a UUID without hyphens', '00000000000000000000000000000000'],
    ['a UUID in braces', '%7B00000000-0000-0000-0000-000000000000%7D'],
    ['a NUL', '%00'],
    ['invalid percent-encoding', '%FF'],
    ['a number', '12'],
  ])('refuses segment_id that is %s: invalid_field segment_id', async (_label, value) => {
    const error = expectError(
      await call('GET', `/contacts?segment_id=${value}`),
      400,
      'invalid_field',
      'segment_id',
    );
    expect(error.message).toContain('segment_id');
  });

  it('refuses segment_id given twice, even with a valid value', async () => {
    expectError(
      await call('GET', `/contacts?segment_id=${segmentId}&segment_id=${segmentId}`),
      400,
      'invalid_field',
      'segment_id',
    );
  });

  it('answers 404 not_found for an unknown segment, also combined with other filters', async () => {
    expectError(await call('GET', `/contacts?segment_id=${randomUUID()}`), 404, 'not_found');
    expectError(
      await call('GET', `/contacts?segment_id=${randomUUID()}&status=subscribed&search=x&limit=5`),
      404,
      'not_found',
    );
  });

  it('validates the other parameters alongside segment_id', async () => {
    expectError(
      await call('GET', `/contacts?segment_id=${segmentId}&status=all`),
      400,
      'invalid_field',
      'status',
    );
    expectError(
      await call('GET', `/contacts?segment_id=${segmentId}&limit=0`),
      400,
      'invalid_field',
      'limit',
    );
    expectError(
      await call('GET', `/contacts?segment_id=${segmentId}&cursor=x`),
      400,
      'invalid_field',
      'cursor',
    );
  });

  it('accepts a cursor from the same segment walk and ends the walk', async () => {
    const segment = (await call('POST', '/segments', { name: 'Walk' })).json().id;
    expect(
      (
        await call('POST', `/segments/${segment}/contacts`, { contact_ids: [contactId, otherContactId] })
      ).json(),
    ).toEqual({
      added: 2,
    });
    const first = (await call('GET', `/contacts?segment_id=${segment}&limit=1`)).json();
    expect(first.has_more).toBe(true);
    const second = (
      await call('GET', `/contacts?segment_id=${segment}&limit=1&cursor=${first.next_cursor}`)
    ).json();
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    expect(new Set([...first.data, ...second.data].map((c: { id: string }) => c.id))).toEqual(
      new Set([contactId, otherContactId]),
    );
  });
});

describe('segment paths: 405 with Allow on wrong methods', () => {
  const paths: [string, () => string, string, Method[]][] = [
    ['/segments', () => '/segments', 'GET, POST, HEAD', ['PUT', 'PATCH', 'DELETE', 'OPTIONS']],
    ['/segments/:id', () => `/segments/${segmentId}`, 'GET, PATCH, DELETE, HEAD', ['POST', 'PUT', 'OPTIONS']],
    [
      '/segments/:id/contacts',
      () => `/segments/${segmentId}/contacts`,
      'POST',
      ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    ],
    [
      '/segments/:id/contacts/:contact_id',
      () => `/segments/${segmentId}/contacts/${contactId}`,
      'PUT, DELETE',
      ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    ],
  ];

  it.each(paths)('%s', async (_label, path, allow, wrong) => {
    for (const method of wrong) {
      const response = await call(
        method,
        path(),
        method === 'GET' || method === 'HEAD' ? undefined : { name: 'x' },
      );
      expect(response.statusCode, `${method} ${path()}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
      if (method !== 'HEAD') expectError(response, 405, 'method_not_allowed');
    }
    // A wrong method changes nothing.
    expect(await members()).toEqual([]);
    expect((await call('GET', `/segments/${segmentId}`)).json().name).toBe('Errors');
  });

  it('answers 405 for a wrong method whatever the body: the method is wrong before the body is read', async () => {
    for (const [payload, contentType] of [
      ['{"name": ', 'application/json'],
      ['', 'application/json'],
      ['[]', 'application/json'],
      ['name=x', 'text/plain'],
      [JSON.stringify({ name: 'x'.repeat(1100 * 1024) }), 'application/json'],
    ]) {
      for (const [method, path, allow] of [
        ['DELETE', '/segments', 'GET, POST, HEAD'],
        ['PUT', `/segments/${segmentId}`, 'GET, PATCH, DELETE, HEAD'],
        ['PATCH', `/segments/${segmentId}/contacts`, 'POST'],
        ['POST', `/segments/${segmentId}/contacts/${contactId}`, 'PUT, DELETE'],
      ] as const) {
        const response = await call(method, path, payload, { headers: { 'content-type': contentType } });
        expectError(response, 405, 'method_not_allowed');
        expect(response.headers.allow).toBe(allow);
      }
    }
  });

  it('answers 405 for a wrong method even when the id does not exist', async () => {
    const response = await call('POST', `/segments/${randomUUID()}`, { name: 'x' });
    expectError(response, 405, 'method_not_allowed');
    expect(response.headers.allow).toBe('GET, PATCH, DELETE, HEAD');
  });

  it('answers 404 for paths below segments that do not exist', async () => {
    for (const path of [
      `/segments/${segmentId}/members`,
      `/segments/${segmentId}/contacts/${contactId}/extra`,
      '/segment',
    ])
      expectError(await call('GET', path), 404, 'not_found');
  });
});
