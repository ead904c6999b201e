import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';
import { expectError } from './rest/request.js';

const t = useTestApp();

function expectUnauthorized(response: Parameters<typeof expectError>[0]) {
  expectError(response, 401, 'unauthorized');
  expect(response.headers['www-authenticate']).toBe('Bearer');
}

describe('authentication', () => {
  it.each([
    ['no header', undefined],
    ['wrong scheme', () => `Basic ${t.workspace.apiKey}`],
    ['empty bearer', () => 'Bearer '],
    ['unknown key', () => `Bearer ps_live_${'x'.repeat(40)}`],
    ['malformed key', () => 'Bearer not-a-key'],
    ['key with a suffix', () => `${t.workspace.authorization}x`],
  ])('is 401 with %s, whatever the path or method', async (_case, header) => {
    const headers = header ? { authorization: header() } : undefined;
    for (const [method, url] of [
      ['GET', '/api/v1/contacts'],
      ['POST', '/api/v1/contacts'],
      ['DELETE', '/api/v1/contacts/not-a-uuid'],
      ['GET', '/api/v1/nothing-here'],
      ['PUT', '/api/v1/contacts'],
      ['GET', '/api/v1'],
    ] as const) {
      expectUnauthorized(
        await t.app.inject({ method, url, headers, payload: method === 'POST' ? '{bad json' : undefined }),
      );
    }
  });

  it('accepts the scheme in any case', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts',
      headers: { authorization: `bearer ${t.workspace.apiKey}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a revoked key at once', async () => {
    const key = await t.db.services.workspaces.createApiKey(t.workspace.workspaceId);
    const headers = { authorization: `Bearer ${key.apiKey}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers })).statusCode).toBe(200);
    await t.db.services.workspaces.revokeApiKey(key.id);
    expectUnauthorized(await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers }));
    // The workspace's other key still works.
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts',
      headers: { authorization: t.workspace.authorization },
    });
    expect(other.statusCode).toBe(200);
  });

  it('keys look like ps_live_ and at least 32 base62 characters, and only their hash is stored', async () => {
    expect(t.workspace.apiKey).toMatch(/^ps_live_[0-9A-Za-z]{32,}$/);
    const rows = await t.db.orm.em.getConnection().execute('select * from api_keys');
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(t.workspace.apiKey);
    expect(stored).not.toContain(t.workspace.apiKey.slice(8));
  });
});

describe('envelope on every response', () => {
  it('puts a request id on successes too', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
  });

  it('answers unknown routes with the 404 envelope, inside and outside the API', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/nope' }), 404, 'not_found');
    expectError(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/nope',
        headers: { authorization: t.workspace.authorization },
      }),
      404,
      'not_found',
    );
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const headers = { authorization: t.workspace.authorization };
    const collection = await t.app.inject({ method: 'PUT', url: '/api/v1/contacts', headers });
    expectError(collection, 405, 'method_not_allowed');
    expect(collection.headers.allow).toBe('GET, POST, HEAD');
    const item = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts/00000000-0000-4000-8000-000000000000',
      headers,
    });
    expectError(item, 405, 'method_not_allowed');
    expect(item.headers.allow).toBe('GET, PATCH, DELETE, HEAD');
  });

  it('answers an undecodable path with the envelope, after authentication', async () => {
    expectError(
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/contacts/%E0%A4%A',
        headers: { authorization: t.workspace.authorization },
      }),
      404,
      'not_found',
    );
    expectUnauthorized(await t.app.inject({ method: 'GET', url: '/api/v1/contacts/%E0%A4%A' }));
  });

  it('masks unexpected errors as internal_error and keeps the details in the log', async () => {
    const failing = t.db.services.contacts.get;
    t.db.services.contacts.get = async () => {
      throw new Error('database exploded: secret detail');
    };
    try {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/contacts/00000000-0000-4000-8000-000000000000',
        headers: { authorization: t.workspace.authorization },
      });
      const error = expectError(response, 500, 'internal_error');
      expect(error.message).not.toContain('secret detail');
    } finally {
      t.db.services.contacts.get = failing;
    }
  });
});
