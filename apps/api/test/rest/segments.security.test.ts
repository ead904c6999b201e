import { randomUUID } from 'node:crypto';
import type { TestWorkspace } from '@pristinesend/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
const ALL_METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function call(
  method: Method,
  url: string,
  payload?: unknown,
  as: TestWorkspace = t.workspace,
  extra: Partial<InjectOptions> = {},
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload !== undefined && { payload: payload as object }),
    ...extra,
    headers: { authorization: as.authorization, ...extra.headers },
  });
}

function expectError(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  const requestId = response.headers['x-request-id'];
  expect(requestId).toMatch(/^req_[0-9a-f]{24}$/);
  const body = response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String), request_id: requestId } });
  return body.error as { code: string; message: string };
}

/** Ids of both workspaces: the other workspace's must be as unknown as a random UUID. */
const mine = { segment: '', contact: '', member: '' };
const theirs = { segment: '', contact: '', member: '' };

async function membersOf(segment: string, as: TestWorkspace): Promise<string[]> {
  const response = await call('GET', `/contacts?segment_id=${segment}&limit=100`, undefined, as);
  expect(response.statusCode).toBe(200);
  return response.json().data.map((contact: { id: string }) => contact.id);
}

async function snapshot(as: TestWorkspace) {
  const ids = as === t.workspace ? mine : theirs;
  return {
    segment: (await call('GET', `/segments/${ids.segment}`, undefined, as)).json(),
    segments: (await call('GET', '/segments?limit=100', undefined, as)).json(),
    contacts: (await call('GET', '/contacts?limit=100', undefined, as)).json(),
    members: await membersOf(ids.segment, as),
  };
}

beforeAll(async () => {
  for (const [as, ids, tag] of [
    [t.workspace, mine, 'mine'],
    [t.other, theirs, 'theirs'],
  ] as const) {
    ids.segment = (await call('POST', '/segments', { name: `Segment ${tag}` }, as)).json().id;
    ids.contact = (await call('POST', '/contacts', { email: `contact.${tag}@example.com` }, as)).json().id;
    ids.member = (await call('POST', '/contacts', { email: `member.${tag}@example.com` }, as)).json().id;
    const added = await call('POST', `/segments/${ids.segment}/contacts`, { contact_ids: [ids.member] }, as);
    expect(added.json()).toEqual({ added: 1 });
  }
});

/** Every segment route that takes ids, as [label, method, path, body]. */
function routes(segment: string, contact: string): [string, Method, string, unknown][] {
  return [
    ['GET segment', 'GET', `/segments/${segment}`, undefined],
    ['PATCH segment', 'PATCH', `/segments/${segment}`, { name: 'hijacked', description: 'x' }],
    ['PATCH segment with {}', 'PATCH', `/segments/${segment}`, {}],
    ['DELETE segment', 'DELETE', `/segments/${segment}`, undefined],
    ['bulk add', 'POST', `/segments/${segment}/contacts`, { contact_ids: [contact] }],
    ['PUT membership', 'PUT', `/segments/${segment}/contacts/${contact}`, undefined],
    ['DELETE membership', 'DELETE', `/segments/${segment}/contacts/${contact}`, undefined],
    ['list members', 'GET', `/contacts?segment_id=${segment}`, undefined],
  ];
}

describe('another workspace is indistinguishable from nothing', () => {
  it("answers 404 for every segment route given another workspace's segment, and changes nothing", async () => {
    const before = await snapshot(t.other);
    for (const contact of [mine.contact, mine.member, theirs.contact, theirs.member]) {
      for (const [label, method, path, body] of routes(theirs.segment, contact)) {
        const foreign = expectError(await call(method, path, body), 404, 'not_found');
        // The same answer, word for word, as for a segment that never existed.
        const unknownId = randomUUID();
        const unknown = expectError(
          await call(method, path.replace(theirs.segment, unknownId), body),
          404,
          'not_found',
        );
        expect(foreign.message.replaceAll(theirs.segment, '<id>'), label).toBe(
          unknown.message.replaceAll(unknownId, '<id>'),
        );
      }
    }
    expect(await snapshot(t.other)).toEqual(before);
  });

  it("answers 404 for membership routes given another workspace's contact, and changes nothing", async () => {
    const mineBefore = await snapshot(t.workspace);
    const theirsBefore = await snapshot(t.other);
    for (const contact of [theirs.contact, theirs.member]) {
      for (const [method, path, body] of [
        ['PUT', `/segments/${mine.segment}/contacts/${contact}`, undefined],
        ['DELETE', `/segments/${mine.segment}/contacts/${contact}`, undefined],
        ['POST', `/segments/${mine.segment}/contacts`, { contact_ids: [contact] }],
        ['POST', `/segments/${mine.segment}/contacts`, { contact_ids: [mine.contact, contact, mine.member] }],
        ['POST', `/segments/${mine.segment}/contacts`, { contact_ids: [contact, contact] }],
      ] as const) {
        const foreign = expectError(await call(method, path, body), 404, 'not_found');
        const unknownId = randomUUID();
        const unknown = expectError(
          await call(
            method,
            path.replace(contact, unknownId),
            body && { contact_ids: body.contact_ids.map((id) => (id === contact ? unknownId : id)) },
          ),
          404,
          'not_found',
        );
        expect(foreign.message.replaceAll(contact, '<id>')).toBe(
          unknown.message.replaceAll(unknownId, '<id>'),
        );
      }
    }
    // All or nothing: my contact in the mixed list was not added either.
    expect(await snapshot(t.workspace)).toEqual(mineBefore);
    expect(await snapshot(t.other)).toEqual(theirsBefore);
  });

  it("DELETE of another workspace's membership does not remove it", async () => {
    expectError(
      await call('DELETE', `/segments/${theirs.segment}/contacts/${theirs.member}`),
      404,
      'not_found',
    );
    expect(await membersOf(theirs.segment, t.other)).toEqual([theirs.member]);
  });

  it("a member of another workspace's segment never shows up in my lists", async () => {
    const mySegments = (await call('GET', '/segments?limit=100'))
      .json()
      .data.map((s: { id: string }) => s.id);
    expect(mySegments).toContain(mine.segment);
    expect(mySegments).not.toContain(theirs.segment);
    const myContacts = (await call('GET', '/contacts?limit=100'))
      .json()
      .data.map((c: { id: string }) => c.id);
    expect(myContacts).not.toContain(theirs.member);
    expect(await membersOf(mine.segment, t.workspace)).toEqual([mine.member]);
  });

  it("a cursor made from another workspace's list pages my own data only", async () => {
    await call('POST', '/segments', { name: 'Second of theirs' }, t.other);
    const theirPage = (await call('GET', '/segments?limit=1', undefined, t.other)).json();
    expect(theirPage.next_cursor).toEqual(expect.any(String));
    const response = await call('GET', `/segments?cursor=${theirPage.next_cursor}`);
    expect(response.statusCode).toBe(200);
    for (const segment of response.json().data) expect(segment.id).not.toBe(theirs.segment);
  });

  it("renaming my segment leaves the other workspace's segment alone", async () => {
    expect((await call('PATCH', `/segments/${mine.segment}`, { name: 'renamed' })).statusCode).toBe(200);
    expect((await call('GET', `/segments/${theirs.segment}`, undefined, t.other)).json().name).toBe(
      'Segment theirs',
    );
  });
});

describe('401 before anything on segment routes', () => {
  const badCredentials: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a Basic scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
    ['an unknown key', { authorization: `Bearer ps_live_${'A1b2C3d4'.repeat(5)}` }],
    ['a key of the wrong shape', { authorization: 'Bearer not-a-key' }],
  ];

  const paths = () => [
    '/segments',
    `/segments/${mine.segment}`,
    `/segments/${theirs.segment}`,
    `/segments/${randomUUID()}`,
    '/segments/not-a-uuid',
    `/segments/${mine.segment}/contacts`,
    `/segments/${mine.segment}/contacts/${mine.contact}`,
    `/segments/${mine.segment}/contacts/not-a-uuid`,
    `/segments/${mine.segment}/nothing/here`,
    '/segments/%FF',
    `/contacts?segment_id=${mine.segment}`,
    '/contacts?segment_id=malformed',
  ];

  function expectUnauthorized(response: LightMyRequestResponse, label: string) {
    expect(response.statusCode, label).toBe(401);
    expect(response.headers['www-authenticate'], label).toBe('Bearer');
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
    if (response.body !== '') {
      expect(response.json(), label).toEqual({
        error: {
          code: 'unauthorized',
          message: expect.any(String),
          request_id: response.headers['x-request-id'],
        },
      });
    }
  }

  it.each(badCredentials)('with %s: every path and method is 401', async (_label, headers) => {
    for (const path of paths()) {
      for (const method of ALL_METHODS) {
        const response = await t.app.inject({
          method,
          url: `/api/v1${path}`,
          headers,
          ...(method !== 'GET' &&
            method !== 'HEAD' && { payload: { contact_ids: [mine.contact], name: 'x' } }),
        });
        expectUnauthorized(response, `${method} ${path}`);
        if (method !== 'HEAD') expect(response.body).not.toBe('');
      }
    }
  });

  it('is 401 rather than 400, 413 or 415 for a bad body', async () => {
    const url = `/api/v1/segments/${mine.segment}/contacts`;
    for (const [payload, contentType] of [
      ['{"contact_ids": [', 'application/json'],
      ['', 'application/json'],
      ['contact_ids=1', 'text/plain'],
      [JSON.stringify({ contact_ids: [], pad: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { 'content-type': contentType },
      });
      expectUnauthorized(response, contentType);
    }
  });

  it('changes nothing without a valid key', async () => {
    const before = await snapshot(t.workspace);
    const headers = { authorization: 'Bearer ps_live_000000000000000000000000000000000000' };
    for (const [method, path, payload] of [
      ['POST', '/segments', { name: 'sneaky' }],
      ['PATCH', `/segments/${mine.segment}`, { name: 'sneaky' }],
      ['DELETE', `/segments/${mine.segment}`, undefined],
      ['POST', `/segments/${mine.segment}/contacts`, { contact_ids: [mine.contact] }],
      ['PUT', `/segments/${mine.segment}/contacts/${mine.contact}`, undefined],
      ['DELETE', `/segments/${mine.segment}/contacts/${mine.member}`, undefined],
    ] as const) {
      const response = await t.app.inject({
        method,
        url: `/api/v1${path}`,
        headers,
        ...(payload && { payload }),
      });
      expectUnauthorized(response, `${method} ${path}`);
    }
    expect(await snapshot(t.workspace)).toEqual(before);
  });

  it('a revoked key is refused at once on segment routes', async () => {
    const key = await t.db.services.workspaces.createApiKey(t.workspace.workspaceId);
    const headers = { authorization: `Bearer ${key.apiKey}` };
    const allowed = await t.app.inject({ method: 'GET', url: `/api/v1/segments/${mine.segment}`, headers });
    expect(allowed.statusCode).toBe(200);

    await t.db.services.workspaces.revokeApiKey(key.id);
    for (const [method, path] of [
      ['GET', `/segments/${mine.segment}`],
      ['GET', '/segments'],
      ['PUT', `/segments/${mine.segment}/contacts/${mine.contact}`],
      ['POST', `/segments/${mine.segment}/contacts`],
      ['GET', `/contacts?segment_id=${mine.segment}`],
    ] as const) {
      expectUnauthorized(await t.app.inject({ method, url: `/api/v1${path}`, headers }), `${method} ${path}`);
    }
    expect(await membersOf(mine.segment, t.workspace)).toEqual([mine.member]);
  });

  it("a workspace's key cannot be combined with another workspace's key", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/segments/${mine.segment}`,
      headers: { authorization: `Bearer ${t.workspace.apiKey} ${t.other.apiKey}` },
    });
    expectUnauthorized(response, 'two keys');
  });
});
